using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZodiaCore.ChartService.Aspects;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Charts;

/// <summary>
/// Hash of the normalised input: equal for requests that must give the same chart (same instant, offset shown,
/// place and options), whatever spelling or defaults the client used.
/// </summary>
public static class ContentId
{
    // "R" formatting is the costliest step of an uncached request's id; nearly every request uses the default orbs.
    private static readonly string[] DefaultOrbTexts = [.. Enumerable.Range(0, AspectKinds.All.Count)
        .Select(i => AspectKinds.DefaultOrb((AspectKind)i).ToString("R", CultureInfo.InvariantCulture))];

    public static string Of(ResolvedBirthMoment moment, ChartLocation location, ChartSettings settings)
    {
        var text = new StringBuilder(256);
        var inv = CultureInfo.InvariantCulture;
        text.Append("v1|").Append(BirthMomentResolver.FormatUtc(moment.Utc))
            .Append('|').Append(moment.Offset.Seconds.ToString(inv))
            .Append('|').Append(moment.Source).Append('|').Append(moment.TimeZone)
            .Append('|').Append(moment.TimeUnknown ? 'u' : 'k')
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

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
