using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Spans are recorded only where an OTLP exporter is configured; trace context flows either way.</summary>
public sealed class TracingTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("zodiacore-tracing-").FullName;
    private WebApplication? _app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebApplication> StartAsync(string? otlpEndpoint)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration["ZODIACORE_DATA_DIR"] = _dataDirectory;
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapGet("/trace", () => Activity.Current?.TraceId.ToHexString() ?? "none");
        await _app.StartAsync(Ct);
        return _app;
    }

    [Fact]
    public async Task Without_an_exporter_no_spans_are_recorded_but_the_callers_trace_id_is_kept()
    {
        var app = await StartAsync(otlpEndpoint: null);
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/trace");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        var answer = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", answer);
    }

    [Fact]
    public async Task With_an_exporter_a_tracer_provider_records_spans_under_the_callers_trace()
    {
        // Nothing listens there; the exporter's failures to send do not affect the request.
        var app = await StartAsync(otlpEndpoint: "http://127.0.0.1:9");
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/trace");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        var answer = await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);

        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", answer);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Log files may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
