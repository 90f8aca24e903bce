using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using ZodiaCore.IdentityService.Tests.Api;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>
/// Export and account deletion while a service holding the user's data is down, hung, or stalls its answer: the user
/// gets a clear answer within the deadline (<c>Identity:UserDataDeadline</c>, 1 s here) instead of waiting for the
/// resilience handler's timeouts or HttpClient's 100 s. The services are stand-ins behind the real named clients.
/// </summary>
public sealed class UserDataOutageTests : IAsyncDisposable
{
    // Well past the 1 s deadline (slow CI included), well short of HttpClient's 100 s that bounded these calls before.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly StandInUserDataService _charts = new("charts");
    private readonly StandInUserDataService _interpretation = new("interpretation");
    private readonly CustomisedIdentityApp _host;

    public UserDataOutageTests()
    {
        _host = new(builder =>
        {
            StandInUserDataService.Register(builder, _charts, _interpretation);
            builder.UseSetting("Identity:UserDataDeadline", "00:00:01");
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Export_with_a_service_that_never_answers_is_refused_503_within_the_deadline()
    {
        _charts.Behaviour = StandInBehaviour.Hang;
        var token = await SignUpAsync("hung.export@example.com");

        var (response, elapsed) = await TimedAsync(HttpMethod.Get, "/api/users/me/export", token);

        await AssertExportUnavailableAsync(response);
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public async Task Export_with_a_service_whose_answer_stalls_after_the_headers_is_refused_503_within_the_deadline()
    {
        _interpretation.Behaviour = StandInBehaviour.StallBody;
        var token = await SignUpAsync("stalled.export@example.com");

        var (response, elapsed) = await TimedAsync(HttpMethod.Get, "/api/users/me/export", token);

        await AssertExportUnavailableAsync(response);
        Assert.True(elapsed < Bound, $"took {elapsed}");
    }

    [Fact]
    public async Task Export_asks_every_service_at_once()
    {
        // Each stand-in answers only once both have been asked: asked one after the other, the first would wait out
        // its deadline and the export would be refused.
        using var bothAsked = new CountdownEvent(2);
        _charts.Arrivals = _interpretation.Arrivals = bothAsked;
        var token = await SignUpAsync("parallel.export@example.com");

        using var response = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Get, "/api/users/me/export", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("services");
        Assert.Equal("charts", services.GetProperty("charts").GetProperty("service").GetString());
        Assert.Equal("interpretation", services.GetProperty("interpretation").GetProperty("service").GetString());
    }

    [Fact]
    public async Task Deletion_with_a_service_that_never_answers_is_left_pending_within_the_deadline_and_the_others_delete()
    {
        _charts.Behaviour = StandInBehaviour.Hang;
        var token = await SignUpAsync("hung.delete@example.com");

        var (response, elapsed) = await TimedAsync(HttpMethod.Delete, "/api/users/me", token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("pending", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.True(elapsed < Bound, $"took {elapsed}");
        Assert.NotEmpty(_interpretation.Deletes);
    }

    private async Task<string> SignUpAsync(string email)
    {
        using var registered = await _host.Factory.RegisterAsync(_host.Client, email);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return await _host.Factory.AccessTokenAsync(_host.Client, email);
    }

    private async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> TimedAsync(HttpMethod method, string url, string token)
    {
        var clock = Stopwatch.StartNew();
        var response = await IdentityApiFactory.SendAsync(_host.Client, method, url, token);
        return (response, clock.Elapsed);
    }

    private static async Task AssertExportUnavailableAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Export unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
        }
    }
}
