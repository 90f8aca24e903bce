using System.Globalization;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Ephemeris;

/// <summary>
/// Which years the Swiss Ephemeris files in a folder cover. Each planet (<c>sepl_18.se1</c>, <c>seplm54.se1</c>) or moon
/// (<c>semo_18.se1</c>) file holds 600 years from its number times 100, negative after an <c>m</c>: sepl_18 is 1800 to
/// 2399, seplm54 is -5400 to -4801.
/// </summary>
public static class EphemerisFiles
{
    public const int BlockYears = 600;

    /// <summary>
    /// The blocks that have both a planet and a moon file, merged where they touch; <see cref="SupportedYears.MoshierFallback"/>
    /// when there are none. Asteroid files (<c>seas</c>) are left out: only Chiron needs them, and it is reported on its own.
    /// </summary>
    public static SupportedYears YearsCovered(string directory)
    {
        var planets = new HashSet<int>();
        var moon = new HashSet<int>();
        foreach (var name in FileNames(directory))
        {
            if (TryParseBlock(name, "sepl", out var first))
            {
                planets.Add(first);
            }
            else if (TryParseBlock(name, "semo", out first))
            {
                moon.Add(first);
            }
        }

        planets.IntersectWith(moon);
        if (planets.Count == 0)
        {
            return SupportedYears.MoshierFallback;
        }

        var spans = new List<YearSpan>();
        foreach (var first in planets.Order())
        {
            var last = first + BlockYears - 1;
            if (spans.Count > 0 && spans[^1].Last == first - 1)
            {
                spans[^1] = spans[^1] with { Last = last };
            }
            else
            {
                spans.Add(new YearSpan(first, last));
            }
        }

        return new SupportedYears(spans, true);
    }

    /// <summary>Reads <c>{prefix}_NN.se1</c> (year NN*100) or <c>{prefix}mNN.se1</c> (year -NN*100).</summary>
    internal static bool TryParseBlock(string fileName, string prefix, out int firstYear)
    {
        firstYear = 0;
        var name = fileName.AsSpan();
        if (name.Length != prefix.Length + 7 || !name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".se1", StringComparison.Ordinal))
        {
            return false;
        }

        var sign = name[prefix.Length] switch
        {
            '_' => 1,
            'm' => -1,
            _ => 0,
        };
        var digits = name.Slice(prefix.Length + 1, 2);
        if (sign == 0 || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[1]))
        {
            return false;
        }

        firstYear = sign * int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * 100;
        return true;
    }

    private static List<string> FileNames(string directory)
    {
        try
        {
            return Directory.Exists(directory)
                ? Directory.EnumerateFiles(directory, "se*.se1").Select(Path.GetFileName).OfType<string>().ToList()
                : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder is no files: the Moshier fallback, which the health check reports as degraded.
            return [];
        }
    }
}
