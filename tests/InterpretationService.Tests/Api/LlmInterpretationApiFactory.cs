using WireMock.Server;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Tests.Providers;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// The same host with one language model configured: a WireMock server speaking OpenAI's wire format, and a quota of 2 a
/// day. A derived factory may make the model take its time over a (non-streamed) answer.
/// </summary>
public class LlmInterpretationApiFactory : InterpretationApiFactory
{
    public const int DailyQuota = 2;

    public LlmInterpretationApiFactory()
        : this(TimeSpan.Zero)
    {
    }

    protected LlmInterpretationApiFactory(TimeSpan answerDelay)
    {
        var answer = FakeProviders.OpenAiCompletion(FakeProviders.Answer(SectionKeys.All, "openai"));
        OpenAi = WireMockServer.Start();
        OpenAi.Given(FakeProviders.OpenAiRequest.WithBody(new WireMock.Matchers.WildcardMatcher("*\"stream\":true*"))).AtPriority(1)
            .RespondWith(FakeProviders.OpenAiStream(FakeProviders.Pieces(FakeProviders.Answer(SectionKeys.All, "openai"))));
        OpenAi.Given(FakeProviders.OpenAiRequest).AtPriority(10)
            .RespondWith(answerDelay > TimeSpan.Zero ? answer.WithDelay(answerDelay) : answer);
    }

    public WireMockServer OpenAi { get; }

    public int OpenAiCalls => FakeProviders.Calls(OpenAi, FakeProviders.OpenAiPath);

    protected override IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("OPENAI_API_KEY", FakeProviders.OpenAiKey),
        new("OpenAI:BaseUrl", OpenAi.Url + "/v1"),
        new("OpenAI:Model", "gpt-test"),
        new("Interpretation:ProviderOrder", "openai"),
        new("Interpretation:DailyLlmQuota", DailyQuota.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        OpenAi.Stop();
        OpenAi.Dispose();
    }
}
