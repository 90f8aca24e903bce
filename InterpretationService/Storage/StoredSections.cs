namespace ZodiaCore.InterpretationService.Storage;

/// <summary>An interpretation's id and its encrypted sections: all a key rotation needs to read and rewrite.</summary>
public sealed record StoredSections(string Id, byte[] Ciphertext);
