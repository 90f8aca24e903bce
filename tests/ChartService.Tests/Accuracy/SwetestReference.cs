using System.Diagnostics;
using System.Globalization;

namespace ZodiaCore.ChartService.Tests.Accuracy;

/// <summary>What the reference program printed for one chart.</summary>
public sealed record SwetestChart(
    IReadOnlyDictionary<string, (double Longitude, double Speed)> Bodies,
    double[] Cusps,
    double Ascendant,
    double Midheaven,
    double Vertex);

/// <summary>Runs Debian's <c>swetest</c> as a separate process and reads its decimal output.</summary>
public static class SwetestReference
{
    public const string Executable = "/usr/bin/swetest";

    // swetest's row labels for -p0123456789mtDA, mapped to the service's body names.
    private static readonly (string Label, string Name)[] BodyLabels =
    [
        ("Sun", "sun"), ("Moon", "moon"), ("Mercury", "mercury"), ("Venus", "venus"), ("Mars", "mars"),
        ("Jupiter", "jupiter"), ("Saturn", "saturn"), ("Uranus", "uranus"), ("Neptune", "neptune"), ("Pluto", "pluto"),
        ("mean Node", "meanNode"), ("true Node", "trueNode"), ("Chiron", "chiron"), ("mean Apogee", "lilith"),
    ];

    public static bool Available => File.Exists(Executable);

    // siderealMode: SE_SIDM_* number, or -1 for tropical.
    public static SwetestChart Run(DateTime utc, double latitude, double longitude, char houseSystem, int siderealMode, string ephemerisPath)
    {
        var inv = CultureInfo.InvariantCulture;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(string.Create(inv, $"-b{utc.Day}.{utc.Month}.{utc.Year}"));
        start.ArgumentList.Add(string.Create(inv, $"-ut{utc.Hour:00}:{utc.Minute:00}:{utc.Second:00}"));
        start.ArgumentList.Add("-p0123456789mtDA");
        start.ArgumentList.Add("-fPls");
        start.ArgumentList.Add("-head");
        start.ArgumentList.Add("-eswe");
        start.ArgumentList.Add("-edir" + ephemerisPath);
        start.ArgumentList.Add(string.Create(inv, $"-house{longitude:R},{latitude:R},{houseSystem}"));
        if (siderealMode >= 0)
        {
            start.ArgumentList.Add(string.Create(inv, $"-sid{siderealMode}"));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("swetest did not start");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Parse(output);
    }

    public static SwetestChart Parse(string output)
    {
        var bodies = new Dictionary<string, (double, double)>();
        var cusps = new double[12];
        double asc = double.NaN, mc = double.NaN, vertex = double.NaN;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("house ", StringComparison.Ordinal))
            {
                var parts = line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                cusps[int.Parse(parts[0], CultureInfo.InvariantCulture) - 1] = Number(parts[1]);
                continue;
            }

            if (TryValue(line, "Ascendant", out var a))
            {
                asc = a;
            }
            else if (TryValue(line, "MC", out var m))
            {
                mc = m;
            }
            else if (TryValue(line, "Vertex", out var v))
            {
                vertex = v;
            }
            else
            {
                foreach (var (label, name) in BodyLabels)
                {
                    if (line.StartsWith(label + " ", StringComparison.Ordinal))
                    {
                        var parts = line[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        bodies[name] = (Number(parts[0]), Number(parts[1]));
                        break;
                    }
                }
            }
        }

        return new SwetestChart(bodies, cusps, asc, mc, vertex);
    }

    private static bool TryValue(string line, string label, out double value)
    {
        value = double.NaN;
        if (!line.StartsWith(label + " ", StringComparison.Ordinal))
        {
            return false;
        }

        value = Number(line[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        return true;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
