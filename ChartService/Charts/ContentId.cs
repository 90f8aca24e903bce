using System.Globalization;
using System.Text;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Charts;

/// <summary>
/// Id of the normalised input: equal for requests that must give the same chart (same instant, offset shown,
/// place and options), whatever spelling or defaults the client used.
/// </summary>
/// <remarks>
/// Keyed (HMAC under the current encryption key), not a plain hash: the id is a cache key in Redis and stays in
/// clear beside saved charts and interpretations, and a plain hash of a birth place and date could be matched
/// against every minute of the day to give the birth time back. A new <c>ENCRYPTION_KEY</c> gives new ids.
/// </remarks>
public sealed class ContentId(ContentHasher hasher)
{
    // "R" formatting is the costliest step of an uncached request's id; nearly every request uses the default orbs.
    private static readonly string[] DefaultOrbTexts = [.. Enumerable.Range(0, AspectKinds.All.Count)
        .Select(i => AspectKinds.DefaultOrb((AspectKind)i).ToString("R", CultureInfo.InvariantCulture))];

    /// <summary>32 lower-case hex characters, the same on every replica sharing the key.</summary>
    public string Of(ResolvedBirthMoment moment, ChartLocation location, ChartSettings settings) =>
        hasher.Hash(NormalizedText(moment, location, settings));

    internal static string NormalizedText(ResolvedBirthMoment moment, ChartLocation location, ChartSettings settings)
    {
        var text = new StringBuilder(256);
        var inv = CultureInfo.InvariantCulture;
        text.Append("v1|").Append(BirthMomentResolver.FormatUtc(moment.Utc))
            .Append('|').Append(moment.Offset.Seconds.ToString(inv))
            .Append('|').Append(moment.Source).Append('|').Append(moment.TimeZone)
            .Append('|').Append(moment.TimeUnknown ? 'u' : 'k')
            // Only when not the default, so every id from before the calendar option stays the same.
            .Append(moment.Calendar == BirthCalendars.Gregorian ? string.Empty : "|" + moment.Calendar)
            .Append('|').Append(inv, $"{location.Latitude:F6}")
            .Append('|').Append(inv, $"{location.Longitude:F6}")
            .Append('|').Append(inv, $"{location.Altitude:F1}")
            .Append('|').Append(HouseSystems.Name(settings.HouseSystem))
            .Append('|').Append(HouseSystems.Name(settings.PolarHouses))
            .Append('|').Append(settings.Zodiac).Append('|').Append(settings.Ayanamsa)
            .Append('|').Append(settings.NodeType).Append('|').Append(settings.Topocentric ? 't' : 'g').Append('|');
        foreach (var body in settings.Bodies)
        {
            text.Append(BodyCatalog.Name(body)).Append(',');
        }

        text.Append('|');
        foreach (var rule in settings.AspectRules)
        {
            text.Append(AspectKinds.Name(rule.Kind)).Append(':');
            if (rule.Orb == AspectKinds.DefaultOrb(rule.Kind))
            {
                text.Append(DefaultOrbTexts[(int)rule.Kind]);
            }
            else
            {
                text.Append(inv, $"{rule.Orb:R}");
            }

            text.Append(',');
        }

        return text.ToString();
    }
}
