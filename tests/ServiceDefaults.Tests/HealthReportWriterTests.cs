using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using ZodiaCore.ServiceDefaults.Health;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class HealthReportWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Detailed_report_names_each_dependency_with_status_and_latency_and_the_system()
    {
        using var json = Write(Report(("database", HealthStatus.Healthy, 12.5), ("cache", HealthStatus.Degraded, 3)), detailed: true);
        var root = json.RootElement;

        Assert.Equal("degraded", root.GetProperty("status").GetString());
        Assert.Equal("charts", root.GetProperty("service").GetString());
        Assert.Equal("1.2.3", root.GetProperty("version").GetString());
        Assert.Equal("2026-11-25T12:00:00Z", root.GetProperty("timestamp").GetString());
        Assert.True(root.GetProperty("uptime").GetDouble() >= 0);
        Assert.Equal("healthy", root.GetProperty("dependencies").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(12.5, root.GetProperty("dependencies").GetProperty("database").GetProperty("latencyMs").GetDouble());
        Assert.Equal("degraded", root.GetProperty("dependencies").GetProperty("cache").GetProperty("status").GetString());
        var memory = root.GetProperty("system").GetProperty("memory");
        Assert.True(memory.GetProperty("used").GetInt64() > 0);
        Assert.True(memory.GetProperty("total").GetInt64() >= memory.GetProperty("used").GetInt64());
        Assert.InRange(memory.GetProperty("percentage").GetDouble(), 0, 100);
        Assert.InRange(root.GetProperty("system").GetProperty("cpu").GetProperty("percentage").GetDouble(), 0, 100);
    }

    [Fact]
    public void Public_report_keeps_statuses_and_leaves_out_operator_detail()
    {
        using var json = Write(Report(("database", HealthStatus.Unhealthy, 2000)), detailed: false);
        var root = json.RootElement;

        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        Assert.Equal("unhealthy", root.GetProperty("dependencies").GetProperty("database").GetProperty("status").GetString());
        Assert.False(root.TryGetProperty("version", out _));
        Assert.False(root.TryGetProperty("uptime", out _));
        Assert.False(root.TryGetProperty("system", out _));
        Assert.False(root.GetProperty("dependencies").GetProperty("database").TryGetProperty("latencyMs", out _));
    }

    [Theory]
    [InlineData(HealthStatus.Healthy, "healthy")]
    [InlineData(HealthStatus.Degraded, "degraded")]
    [InlineData(HealthStatus.Unhealthy, "unhealthy")]
    public void Statuses_are_written_in_lower_case_words(HealthStatus status, string expected) =>
        Assert.Equal(expected, HealthReportWriter.StatusName(status));

    private static JsonDocument Write(HealthReport report, bool detailed)
    {
        var writer = new HealthReportWriter(new ServiceIdentity("charts", "1.2.3", Now.AddMinutes(-5)), new ManagementPort(), new FakeTimeProvider(Now));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            writer.Write(json, report, detailed);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static HealthReport Report(params (string Name, HealthStatus Status, double Ms)[] entries)
    {
        var dictionary = entries.ToDictionary(e => e.Name, e => new HealthReportEntry(e.Status, null, TimeSpan.FromMilliseconds(e.Ms), null, null));
        return new HealthReport(dictionary, TimeSpan.FromMilliseconds(entries.Sum(e => e.Ms)));
    }
}
