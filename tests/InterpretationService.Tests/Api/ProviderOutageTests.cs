using System.Net;
using System.Text.Json;
using WireMock.Server;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Tests.Providers;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>Through the API while the only language model fails: callers still get interpretations, and the quota is not used up.</summary>
public sealed class ProviderOutageTests(ProviderOutageTests.OutageApiFactory factory) : IClassFixture<ProviderOutageTests.OutageApiFactory>
{
    [Fact]
    public async Task Every_request_during_an_outage_is_a_200_from_the_builtin_interpreter_naming_why_and_uses_no_quota()
    {
        using var ivan = factory.CreateUserClient("ivan");

        // The quota is 1 a day: counted, the second request would be a 429. Enough requests for the breaker to open midway.
        var failures = new List<string>();
        foreach (var length in new[] { "short", "standard", "long", "short", "standard", "long" })
        {
            using var response = await ivan.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), length, language = "sv" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.ReadJsonAsync();
            Assert.Equal("builtin", body.Text("provider"));
            Assert.True(body.GetProperty("fallback").GetBoolean());
            failures.Add(Assert.Single(body.GetProperty("failures").EnumerateArray()).Text("reason"));
        }

        Assert.Equal(FailureReasons.ServerError, failures[0]);
        Assert.Equal(FailureReasons.CircuitOpen, failures[^1]);

        var streamed = await EventStream.PostAsync(ivan, new { chart = InterpretationApiFactory.InlineChart(), length = "short", language = "sv" });
        Assert.Equal("done", streamed[^1].EventType);
        Assert.Equal("builtin", JsonDocument.Parse(streamed[^1].Data).RootElement.Text("provider"));
    }

    /// <summary>
    /// One OpenAI-compatible fake that fails every request; a quota of 1 a day. (That a model's answer counts is
    /// LanguageModelTests' quota test: this host's breaker opens, so it can only show outages.)
    /// </summary>
    public sealed class OutageApiFactory : InterpretationApiFactory
    {
        private readonly WireMockServer openAi = WireMockServer.Start();

        public OutageApiFactory()
        {
            openAi.Given(FakeProviders.OpenAiRequest).RespondWith(FakeProviders.Status(500));
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
        [
            new("OPENAI_API_KEY", FakeProviders.OpenAiKey),
            new("OpenAI:BaseUrl", openAi.Url + "/v1"),
            new("OpenAI:Model", "gpt-test"),
            new("Interpretation:ProviderOrder", "openai"),
            new("Interpretation:DailyLlmQuota", "1"),
            new("Interpretation:Resilience:MaxRetryAttempts", "0"),
        ];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            openAi.Stop();
            openAi.Dispose();
        }
    }
}
