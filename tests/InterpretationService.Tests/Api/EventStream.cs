using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>Posts with <c>Accept: text/event-stream</c> and reads the whole stream.</summary>
internal static class EventStream
{
    public static async Task<List<SseItem<string>>> PostAsync(HttpClient client, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interpretations") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ApiJson.Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        var events = new List<SseItem<string>>();
        await using var stream = await response.Content.ReadAsStreamAsync(ApiJson.Ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ApiJson.Ct))
        {
            events.Add(item);
        }

        return events;
    }

    /// <summary>The section keys in the order their first event arrived.</summary>
    public static List<string> SectionOrder(IEnumerable<SseItem<string>> events) =>
        events.Where(e => e.EventType == "section").Select(e => JsonDocument.Parse(e.Data).RootElement.Text("key")).Distinct().ToList();

    /// <summary>A section's text as a client assembles it: chunks appended, a restart starting over.</summary>
    public static string TextOf(IEnumerable<SseItem<string>> events, string key)
    {
        var text = new StringBuilder();
        foreach (var data in events.Where(e => e.EventType == "section").Select(e => JsonDocument.Parse(e.Data).RootElement))
        {
            if (data.Text("key") != key)
            {
                continue;
            }

            if (data.GetProperty("restart").GetBoolean())
            {
                text.Clear();
            }

            text.Append(data.Text("text"));
        }

        return text.ToString();
    }
}
