using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Tests.Providers;

/// <summary>WireMock stand-ins speaking the OpenAI chat-completions and Anthropic messages wire formats.</summary>
internal static class FakeProviders
{
    public const string OpenAiKey = "sk-test-openai-0123456789";
    public const string AnthropicKey = "sk-ant-test-0123456789";
    public const string OpenAiPath = "/v1/chat/completions";
    public const string AnthropicPath = "/v1/messages";

    /// <summary>Google's OpenAI-compatible chat completions, under the default base URL's <c>/v1beta/openai/</c>.</summary>
    public const string GooglePath = "/v1beta/openai/chat/completions";

    public static IRequestBuilder OpenAiRequest => Request.Create().WithPath(OpenAiPath).UsingPost();

    public static IRequestBuilder AnthropicRequest => Request.Create().WithPath(AnthropicPath).UsingPost();

    public static IRequestBuilder GoogleRequest => Request.Create().WithPath(GooglePath).UsingPost();

    /// <summary>A model answer in the prompt's JSON shape, with a recognisable text per section.</summary>
    public static string Answer(IEnumerable<SectionKey> sections, string source) => JsonSerializer.Serialize(new
    {
        sections = sections.Select(s => new { key = s.ToKey(), title = $"{source} {s.ToKey()}", text = TextFor(s, source) }),
    });

    public static string TextFor(SectionKey section, string source) => $"{source} writes about \"{section.ToKey()}\".\n\nA second paragraph.";

    public static IResponseBuilder OpenAiCompletion(string content, string model = "gpt-test-2025") =>
        Json(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 321, completion_tokens = 123, total_tokens = 444 },
        });

    public static IResponseBuilder AnthropicMessage(string text, string model = "claude-test-2025") =>
        Json(new
        {
            id = "msg_1",
            type = "message",
            role = "assistant",
            model,
            content = new[] { new { type = "text", text } },
            stop_reason = "end_turn",
            stop_sequence = (string?)null,
            usage = new { input_tokens = 300, output_tokens = 120 },
        });

    /// <summary>An OpenAI stream: one chunk per piece, then (when <paramref name="complete"/>) a stop chunk, usage and [DONE].</summary>
    public static IResponseBuilder OpenAiStream(IEnumerable<string> pieces, bool complete = true)
    {
        var body = new StringBuilder();
        void Event(object data) => body.Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");
        foreach (var piece in pieces)
        {
            Event(new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = "gpt-test-2025",
                choices = new[] { new { index = 0, delta = new { content = piece }, finish_reason = (string?)null } },
            });
        }

        if (complete)
        {
            Event(new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = "gpt-test-2025",
                choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
            });
            Event(new
            {
                id = "chatcmpl-2", @object = "chat.completion.chunk", created = 1_700_000_000, model = "gpt-test-2025",
                choices = Array.Empty<object>(),
                usage = new { prompt_tokens = 321, completion_tokens = 123, total_tokens = 444 },
            });
            body.Append("data: [DONE]\n\n");
        }

        return Sse(body.ToString());
    }

    /// <summary>An Anthropic stream: message_start, one text block in <paramref name="pieces"/>, message_delta with usage, message_stop.</summary>
    public static IResponseBuilder AnthropicStream(IEnumerable<string> pieces)
    {
        var body = new StringBuilder();
        void Event(string name, object data) =>
            body.Append("event: ").Append(name).Append('\n').Append("data: ").Append(JsonSerializer.Serialize(data)).Append("\n\n");

        Event("message_start", new
        {
            type = "message_start",
            message = new
            {
                id = "msg_2", type = "message", role = "assistant", model = "claude-test-2025", content = Array.Empty<object>(),
                stop_reason = (string?)null, stop_sequence = (string?)null, usage = new { input_tokens = 300, output_tokens = 1 },
            },
        });
        Event("content_block_start", new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        foreach (var piece in pieces)
        {
            Event("content_block_delta", new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = piece } });
        }

        Event("content_block_stop", new { type = "content_block_stop", index = 0 });
        Event("message_delta", new { type = "message_delta", delta = new { stop_reason = "end_turn", stop_sequence = (string?)null }, usage = new { output_tokens = 120 } });
        Event("message_stop", new { type = "message_stop" });
        return Sse(body.ToString());
    }

    public static IResponseBuilder Status(int status) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"message":"fake failure","type":"server_error"}}""");

    /// <summary>Splits a text into pieces of a few characters, as a model streams tokens.</summary>
    public static IEnumerable<string> Pieces(string text, int size = 7)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    public static int Calls(WireMockServer server, string path) => server.LogEntries.Count(e => e.RequestMessage.Path == path);

    private static IResponseBuilder Json(object body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(body));

    private static IResponseBuilder Sse(string body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/event-stream").WithBody(body);
}
