using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ZodiaCore.Gateway.Tests.Caching;

/// <summary>
/// A stand-in ChartService on a real loopback port: answers POST /api/charts/natal and /natal/svg with the body it
/// received and a sequence number (so a test can tell a forwarded answer from a replayed one), 422 for a body
/// containing "invalid", <c>Cache-Control: no-store</c> for one containing "fallback", and counts what reaches it.
/// </summary>
internal sealed class FakeChartService : IAsyncDisposable
{
    private readonly WebApplication app;
    private int received;

    private FakeChartService(WebApplication app) => this.app = app;

    public int Received => Volatile.Read(ref received);

    /// <summary>How long each answer takes, so concurrent first requests overlap.</summary>
    public TimeSpan Delay { get; set; }

    public Uri Address => new(app.Urls.First());

    public static async Task<FakeChartService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new FakeChartService(app);
        app.MapPost("/api/charts/natal", service.AnswerAsync);
        app.MapPost("/api/charts/natal/svg", service.AnswerAsync);
        app.MapPost("/api/charts/transits", service.AnswerAsync);
        await app.StartAsync();
        return service;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var sequence = Interlocked.Increment(ref received);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        await Task.Delay(Delay, context.RequestAborted);
        context.Response.StatusCode = body.Contains("invalid", StringComparison.Ordinal) ? 422 : 200;
        if (body.Contains("fallback", StringComparison.Ordinal))
        {
            context.Response.Headers.CacheControl = "no-store"; // as ChartService marks a chart from the fallback ephemeris
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"sequence":{{sequence}},"path":"{{context.Request.Path}}","echo":{{body}}}""", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
