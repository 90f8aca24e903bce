using System.Globalization;
using NodaTime;

namespace ZodiaCore.ChartService.Time;

/// <summary>
/// The years charts may be cast for, as sorted, non-overlapping spans: those of the installed Swiss Ephemeris files
/// (see <c>Ephemeris.EphemerisFiles</c>), or <see cref="MoshierFallback"/> when none are installed.
/// </summary>
public sealed record SupportedYears(IReadOnlyList<YearSpan> Spans, bool FromEphemerisFiles)
{
    /// <summary>
    /// Without files every chart comes from Moshier, which has no files to run out of: the service keeps accepting the
    /// years of the full swe-standard-data package, as it did before it read the folder.
    /// </summary>
    public static SupportedYears MoshierFallback { get; } = new([new YearSpan(-5400, 5399)], false);

    public int First => Spans[0].First;

    public int Last => Spans[^1].Last;

    /// <summary>The spans as a reader writes them, e.g. "-600 to 599, 1800 to 2399".</summary>
    public string Description =>
        string.Join(", ", Spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.First} to {s.Last}")));

    public bool Contains(int year)
    {
        foreach (var span in Spans)
        {
            if (year >= span.First && year <= span.Last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the UTC year of <paramref name="written"/> is supported, whatever year is written beside its offset.</summary>
    // Far outside the range the instant is not computed at all, as it may not be representable.
    public bool Contains(OffsetDateTime written) =>
        written.Year >= First - 1 && written.Year <= Last + 1 && Contains(written.ToInstant().InUtc().Year);
}

/// <summary>Consecutive years, both ends included (astronomical numbering: 0 is 1 BCE).</summary>
public sealed record YearSpan(int First, int Last);
