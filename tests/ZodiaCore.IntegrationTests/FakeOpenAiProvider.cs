using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ZodiaCore.IntegrationTests;

/// <summary>
/// An OpenAI-compatible chat-completions server on real HTTP, for the interpretation service to call as its "openai"
/// provider. It answers every section in the prompt's JSON shape; a chart whose name holds <see cref="MalformedMarker"/>
/// gets prose instead (the service falls back), one whose name holds <see cref="SlowMarker"/> gets its answer late.
/// </summary>
public sealed class FakeOpenAiProvider : IDisposable
{
    public const string ApiKey = "sk-zodiacore-integration-test";
    public const string Model = "fake-gpt-integration";
    public const string SectionText = "Written by the fake OpenAI provider.";
    public const string MalformedMarker = "malformed-answer-probe";
    public const string SlowMarker = "slow-answer-probe";
    private const string CompletionsPath = "/v1/chat/completions";
    private static readonly string[] SectionKeys = ["overview", "planets", "houses", "aspects", "elements"];

    private readonly WireMockServer server = WireMockServer.Start();

    /// <param name="slowAnswerDelay">How late the answer to a chart named with <see cref="SlowMarker"/> comes.</param>
    public FakeOpenAiProvider(TimeSpan slowAnswerDelay)
    {
        var sections = JsonSerializer.Serialize(new { sections = SectionKeys.Select(key => new { key, title = key, text = SectionText }) });
        server.Given(Completions(body => body is not null && body.Contains(MalformedMarker, StringComparison.Ordinal))).AtPriority(1)
            .RespondWith(Completion("The stars are kind today, but this is not the JSON you asked for."));
        server.Given(Completions(body => body is not null && body.Contains(SlowMarker, StringComparison.Ordinal))).AtPriority(1)
            .RespondWith(Completion(sections).WithDelay(slowAnswerDelay));
        server.Given(Completions(_ => true)).AtPriority(10).RespondWith(Completion(sections));
    }

    /// <summary>The base URL as <c>OpenAI:BaseUrl</c> takes it, with <c>/v1</c>.</summary>
    public string BaseUrl => server.Urls[0].TrimEnd('/') + "/v1";

    /// <summary>Chat-completion requests received so far, with the right key or not.</summary>
    public int CompletionRequests => server.LogEntries.Count(e => e.RequestMessage?.Path == CompletionsPath);

    public void Dispose() => server.Stop();

    // Only requests carrying the configured key are answered; WireMock answers anything else 404 (a rejected request).
    private static IRequestBuilder Completions(Func<string?, bool> body) =>
        Request.Create().WithPath(CompletionsPath).UsingPost().WithHeader("Authorization", $"Bearer {ApiKey}").WithBody(body);

    private static IResponseBuilder Completion(string content) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody($$"""
            {
              "id": "chatcmpl-zodiacore-integration",
              "object": "chat.completion",
              "created": 1767225600,
              "model": "{{Model}}",
              "choices": [{ "index": 0, "finish_reason": "stop", "message": { "role": "assistant", "content": {{JsonSerializer.Serialize(content)}} } }],
              "usage": { "prompt_tokens": 250, "completion_tokens": 90, "total_tokens": 340 }
            }
            """);
}
