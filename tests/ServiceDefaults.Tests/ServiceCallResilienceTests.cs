using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Every HttpClient a service makes through the shared defaults, against a service that keeps answering 503.</summary>
public sealed class ServiceCallResilienceTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost host = new();
    private readonly WireMockServer dependency = WireMockServer.Start();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        dependency.Stop();
        dependency.Dispose();
    }

    [Fact]
    public async Task A_call_to_a_failing_service_is_retried_briefly_and_once_the_breaker_opens_the_service_is_not_called()
    {
        dependency.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));
        var app = await host.StartAsync(_ => { }, _ => { });
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("dependency");
        client.BaseAddress = new Uri(dependency.Url!);

        // The call and three retries; with the standard handler's defaults they were 2, 4 and 8 s apart.
        var clock = Stopwatch.StartNew();
        using (var first = await client.GetAsync(new Uri("/first", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The call and its retries took {clock.ElapsedMilliseconds} ms.");
        Assert.Equal(4, dependency.LogEntries.Count);

        // Ten failed attempts in 30 s open the breaker (the defaults need a hundred).
        BrokenCircuitException? open = null;
        for (var call = 0; call < 5 && open is null; call++)
        {
            try
            {
                using var _ = await client.GetAsync(new Uri("/next", UriKind.Relative), Ct);
            }
            catch (BrokenCircuitException exception)
            {
                open = exception;
            }
        }

        Assert.NotNull(open);
        var attempts = dependency.LogEntries.Count;
        Assert.InRange(attempts, 10, 12);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(new Uri("/while-open", UriKind.Relative), Ct));
        Assert.Equal(attempts, dependency.LogEntries.Count);
    }

    [Fact]
    public async Task A_breaker_opened_by_one_failing_service_does_not_stop_calls_to_another()
    {
        using var healthy = WireMockServer.Start();
        healthy.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200));
        dependency.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(503));
        var app = await host.StartAsync(_ => { }, _ => { });
        var factory = app.Services.GetRequiredService<IHttpClientFactory>();
        var failing = factory.CreateClient("failing");
        failing.BaseAddress = new Uri(dependency.Url!);
        var other = factory.CreateClient("other");
        other.BaseAddress = new Uri(healthy.Url!);

        var opened = false;
        for (var call = 0; call < 6 && !opened; call++)
        {
            try
            {
                using var _ = await failing.GetAsync(new Uri("/down", UriKind.Relative), Ct);
            }
            catch (BrokenCircuitException)
            {
                opened = true;
            }
        }

        Assert.True(opened, "The failing service's breaker never opened, so this test proved nothing.");
        using var answer = await other.GetAsync(new Uri("/up", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Single(healthy.LogEntries);
    }
}
