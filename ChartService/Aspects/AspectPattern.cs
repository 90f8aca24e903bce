namespace ZodiaCore.ChartService.Aspects;

/// <summary>A configuration of aspects; point indexes refer to the caller's arrays.</summary>
public sealed record AspectPattern(string Kind, int[] Points, int? Apex = null, int? Sign = null);

public static class PatternKinds
{
    public const string Stellium = "stellium";
    public const string GrandTrine = "grandTrine";
    public const string TSquare = "tSquare";
    public const string GrandCross = "grandCross";
    public const string Yod = "yod";
    public const string Kite = "kite";
}
