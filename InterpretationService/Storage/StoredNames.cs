namespace ZodiaCore.InterpretationService.Storage;

/// <summary>Names shared by both stores.</summary>
public static class StoredNames
{
    public const string Name = "interpretations";
    public const string SectionsField = "sections";
}
