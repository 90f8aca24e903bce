using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>
/// Writes /health as operators expect it: overall status, service, version, uptime, each dependency with its
/// status and latency, and the process's memory and CPU. Outside Development only the management port gets
/// the operator detail; the public listener gets the statuses alone.
/// </summary>
public sealed class HealthReportWriter(ServiceIdentity identity, ManagementPort management, TimeProvider time)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    public Task WriteAsync(HttpContext context, HealthReport report) =>
        WriteJsonAsync(context, writer => Write(writer, report, management.IsOperatorRequest(context)));

    /// <summary>The readiness answer: status and the failing checks' names, nothing else.</summary>
    public Task WriteSummaryAsync(HttpContext context, HealthReport report) =>
        WriteJsonAsync(context, writer => Write(writer, report, detailed: false));

    public void Write(Utf8JsonWriter writer, HealthReport report, bool detailed)
    {
        writer.WriteStartObject();
        writer.WriteString("status", StatusName(report.Status));
        writer.WriteString("timestamp", time.GetUtcNow().UtcDateTime);
        writer.WriteString("service", identity.Name);
        if (detailed)
        {
            writer.WriteString("version", identity.Version);
            writer.WriteNumber("uptime", Math.Round(identity.Uptime.TotalSeconds, 1));
        }

        writer.WriteStartObject("dependencies");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject(name);
            writer.WriteString("status", StatusName(entry.Status));
            if (detailed)
            {
                writer.WriteNumber("latencyMs", Math.Round(entry.Duration.TotalMilliseconds, 2));
                if (entry.Description is { Length: > 0 } description)
                {
                    writer.WriteString("description", description);
                }

                foreach (var (key, value) in entry.Data)
                {
                    WriteValue(writer, key, value);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        if (detailed)
        {
            var system = SystemSnapshot.Capture();
            writer.WriteStartObject("system");
            writer.WriteStartObject("memory");
            writer.WriteNumber("used", system.MemoryUsedBytes);
            writer.WriteNumber("total", system.MemoryTotalBytes);
            writer.WriteNumber("percentage", system.MemoryPercentage);
            writer.WriteEndObject();
            writer.WriteStartObject("cpu");
            writer.WriteNumber("percentage", system.CpuPercentage);
            writer.WriteNumber("processors", system.ProcessorCount);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    private static void WriteValue(Utf8JsonWriter writer, string key, object value)
    {
        switch (value)
        {
            case string s: writer.WriteString(key, s); break;
            case bool b: writer.WriteBoolean(key, b); break;
            case int i: writer.WriteNumber(key, i); break;
            case long l: writer.WriteNumber(key, l); break;
            case double d: writer.WriteNumber(key, d); break;
            default: writer.WriteString(key, value.ToString()); break;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
