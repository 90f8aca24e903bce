namespace ZodiaCore.ChartService.Charts;

/// <summary>A machine-readable note on how the chart was made (e.g. <c>houses.polarFallback</c>).</summary>
public sealed record ChartWarning(string Code, string Message);

public static class WarningCodes
{
    public const string PolarFallback = "houses.polarFallback";
    public const string AmbiguousResolved = "time.ambiguousResolved";
    public const string SkippedResolved = "time.skippedResolved";
    public const string LocalMeanTime = "time.localMeanTime";
    public const string TimeUnknown = "time.unknown";
    public const string MoshierFallback = "ephemeris.moshierFallback";
    public const string BodyUnavailable = "body.unavailable";
}
