using System.Globalization;

namespace ZodiaCore.IntegrationTests;

/// <summary>The daily quota of language-model interpretations, through the gateway, with a fake OpenAI provider answering.</summary>
[Collection(MonitoredCollection.Name)]
public sealed class InterpretationQuotaTests(MonitoredAppFixture fixture)
{
    private const int Quota = MonitoredAppFixture.DailyLlmQuota;

    [Fact]
    public async Task Beyond_the_daily_quota_a_language_model_interpretation_answers_429_problem_details_without_asking_the_model()
    {
        using var gateway = fixture.App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        var requestsBefore = fixture.Provider.CompletionRequests;

        // Distinct charts: a cached interpretation costs no quota.
        await SpendQuotaAsync(gateway, account, firstYear: 1950);
        var requestsWithinQuota = fixture.Provider.CompletionRequests;
        using var refused = await TestCharts.InterpretAsync(gateway, account, 1950 + Quota);

        Assert.Equal(requestsBefore + Quota, requestsWithinQuota);
        await FoundationTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(requestsWithinQuota, fixture.Provider.CompletionRequests);
        // The quota resets at midnight UTC, so the wait is at most a day and never already over.
        var retryAfter = long.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        var untilMidnight = (DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow).TotalSeconds;
        Assert.InRange(retryAfter, 1, Math.Ceiling(untilMidnight) + 60);
    }

    [Fact]
    public async Task Beyond_the_daily_quota_the_built_in_interpreter_still_answers()
    {
        using var gateway = fixture.App.CreateGatewayClient();
        var account = await IdentityClient.RegisterAndLoginAsync(gateway);
        await SpendQuotaAsync(gateway, account, firstYear: 1955);

        using var response = await TestCharts.InterpretAsync(gateway, account, 1955 + Quota, provider: "builtin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(response);
        Assert.Equal("builtin", json.RootElement.GetProperty("provider").GetString());
    }

    /// <summary>Asks for as many interpretations of new charts as the quota allows; each must come from the fake provider.</summary>
    private static async Task SpendQuotaAsync(HttpClient gateway, TestAccount account, int firstYear)
    {
        for (var i = 0; i < Quota; i++)
        {
            using var response = await TestCharts.InterpretAsync(gateway, account, firstYear + i);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = await FoundationTests.ReadJsonAsync(response);
            Assert.Equal("openai", json.RootElement.GetProperty("provider").GetString());
            Assert.Equal(FakeOpenAiProvider.Model, json.RootElement.GetProperty("model").GetString());
            Assert.Equal(FakeOpenAiProvider.SectionText, json.RootElement.GetProperty("sections")[0].GetProperty("text").GetString());
        }
    }
}
