using System.Diagnostics;
using System.Net;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using ZodiaCore.InterpretationService.ChartsClient;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// ChartService hung or failing: the interpretation is a 503 problem, soon. Each test has its own host on the system
/// clock, because the resilience handler's timeouts and retry delays never pass on the shared factory's fake clock.
/// </summary>
public sealed class ChartServiceOutageTests
{
    [Fact]
    public async Task A_hung_ChartService_is_answered_503_once_the_chart_deadline_has_passed_not_after_half_a_minute()
    {
        await using var factory = new InterpretationApiFactory { SystemClock = true };
        factory.Charts.Given(Request.Create().WithPath("/api/charts/natal").UsingPost().WithBody(new WildcardMatcher("*1899-12-31*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(15)));
        using var alice = factory.CreateUserClient("alice");

        var started = Stopwatch.GetTimestamp();
        using var response = await alice.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart("1899-12-31") });
        var waited = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Before the deadline, the shared resilience handler gave up after 30 s (attempts of 10 s).
        Assert.InRange(waited, ChartServiceClient.Deadline, ChartServiceClient.Deadline + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ChartService_failing_with_500s_is_retried_then_answered_503_not_500()
    {
        await using var factory = new InterpretationApiFactory { SystemClock = true };
        factory.Charts.Given(Request.Create().WithPath("/api/charts/natal").UsingPost().WithBody(new WildcardMatcher("*1899-12-30*")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500));
        using var alice = factory.CreateUserClient("alice");

        using var response = await alice.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart("1899-12-30") });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(factory.Charts.LogEntries.Count(e => e.RequestMessage.Body?.Contains("1899-12-30", StringComparison.Ordinal) == true) > 1,
            "ChartService was asked once: the 500 was not retried.");
    }
}
