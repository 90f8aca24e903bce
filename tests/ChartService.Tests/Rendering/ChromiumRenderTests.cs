using System.Diagnostics;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Rendering;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Tests.Rendering;

/// <summary>The chart wheel drawn by a real browser engine (apt chromium, headless), then read back as pixels.</summary>
public sealed class ChromiumRenderTests
{
    private const string Chromium = "/usr/bin/chromium";


    [Fact]
    public async Task Chromium_draws_the_wheel_with_aspect_lines_in_their_colours()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium).");
        var chart = Engine.Builder.Build(new NatalChartRequest(
            new BirthInput("1990-05-15", "14:30", "Europe/London"), new LocationInput(51.5074, -0.1278))).Value!;
        Assert.Contains(chart.Aspects, a => a.Kind is "square" or "opposition");
        Assert.Contains(chart.Aspects, a => a.Kind is "trine" or "sextile");
        var work = Directory.CreateTempSubdirectory("zodiacore-chromium-").FullName;
        try
        {
            var svg = Path.Combine(work, "chart.svg");
            var png = Path.Combine(work, "chart.png");
            await File.WriteAllTextAsync(svg, ChartWheelSvg.Render(chart), TestContext.Current.CancellationToken);

            await ScreenshotAsync(svg, png, Path.Combine(work, "profile"));

            var image = PngImage.Decode(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken));
            Assert.Equal((800, 800), (image.Width, image.Height));
            Assert.True(DistinctColours(image) > 20, "The screenshot is blank or nearly uniform.");
            // Inside the aspect circle only aspect lines are drawn: their colours there prove the lines were drawn.
            var hard = chart.Aspects.First(a => a.Kind is "square" or "opposition").Kind;
            var soft = chart.Aspects.First(a => a.Kind is "trine" or "sextile").Kind;
            Assert.True(CountInAspectCircle(image, Rgb(ChartWheelSvg.AspectColor(hard))) > 30, $"No {hard} line was drawn.");
            Assert.True(CountInAspectCircle(image, Rgb(ChartWheelSvg.AspectColor(soft))) > 30, $"No {soft} line was drawn.");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (byte R, byte G, byte B) Rgb(string hex) =>
        (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));

    private static async Task ScreenshotAsync(string svg, string png, string profile)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", $"--screenshot={png}", "--window-size=800,800",
            new Uri(svg).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish the screenshot within 60 s.");
        }

        Assert.True(File.Exists(png), $"Chromium exited {process.ExitCode} without a screenshot: {await output} {await errors}");
    }

    private static int DistinctColours(PngImage image)
    {
        var colours = new HashSet<int>();
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                colours.Add((r << 16) | (g << 8) | b);
            }
        }

        return colours.Count;
    }

    private static int CountInAspectCircle(PngImage image, (byte R, byte G, byte B) colour)
    {
        var radius = ChartWheelSvg.AspectRadius - 3;
        var count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var dx = x + 0.5 - ChartWheelSvg.Center;
                var dy = y + 0.5 - ChartWheelSvg.Center;
                if ((dx * dx) + (dy * dy) > radius * radius)
                {
                    continue;
                }

                var (r, g, b) = image[x, y];
                // Anti-aliasing blends line edges with the white background; the line's core keeps its colour.
                if (Math.Abs(r - colour.R) + Math.Abs(g - colour.G) + Math.Abs(b - colour.B) < 60)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
