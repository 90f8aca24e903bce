using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Spans are recorded only where an OTLP exporter is configured; trace context flows either way.</summary>
public sealed class TracingTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost _host = new();

    private Task<WebApplication> StartAsync(string? otlpEndpoint) => _host.StartAsync(
        builder => builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
        app => app.MapGet("/trace", () => Activity.Current?.TraceId.ToHexString() ?? "none"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
