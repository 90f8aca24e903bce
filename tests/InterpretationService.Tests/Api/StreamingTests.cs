using System.Net;
using System.Text.Json;

namespace ZodiaCore.InterpretationService.Tests.Api;

public sealed class StreamingTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    [Fact]
    public async Task The_stream_holds_the_requested_sections_in_order_and_ends_with_done_carrying_the_saved_interpretation()
    {
        using var alice = factory.CreateUserClient("alice");

        var events = await EventStream.PostAsync(alice,
            new { chartId = InterpretationApiFactory.AliceChartId, sections = new[] { "elements", "overview", "aspects" } });

        Assert.Equal(["section", "section", "section", "done"], events.Select(e => e.EventType));
        Assert.Equal(["elements", "overview", "aspects"], EventStream.SectionOrder(events));
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("builtin", done.Text("provider"));
        Assert.Equal(InterpretationApiFactory.AliceContentId, done.Text("contentId"));

        using var saved = await alice.GetAsync("/api/interpretations/" + done.Text("id"), ApiJson.Ct);
        var stored = await saved.ReadJsonAsync();
        Assert.Equal(Sections(done), Sections(stored));
        foreach (var section in stored.GetProperty("sections").EnumerateArray())
        {
            Assert.Equal(section.Text("text"), EventStream.TextOf(events, section.Text("key")));
        }
    }

    [Fact]
    public async Task A_repeated_ask_streams_the_interpretation_the_caller_already_has_from_the_cache()
    {
        using var alice = factory.CreateUserClient("alice");
        var request = new { chartId = InterpretationApiFactory.AliceChartId, sections = new[] { "houses", "overview" }, length = "short" };

        var first = await EventStream.PostAsync(alice, request);
        var again = await EventStream.PostAsync(alice, request);

        var firstDone = JsonDocument.Parse(first[^1].Data).RootElement;
        var againDone = JsonDocument.Parse(again[^1].Data).RootElement;
        Assert.True(againDone.GetProperty("cached").GetBoolean());
        Assert.Equal(firstDone.Text("id"), againDone.Text("id"));
        Assert.Equal(["houses", "overview"], EventStream.SectionOrder(again));
        Assert.Equal(EventStream.TextOf(first, "houses"), EventStream.TextOf(again, "houses"));
    }

    [Fact]
    public async Task Streamed_sections_write_degree_signs_and_primes_as_themselves_not_as_unicode_escapes()
    {
        using var alice = factory.CreateUserClient("alice");

        var events = await EventStream.PostAsync(alice,
            new { chartId = InterpretationApiFactory.AliceChartId, sections = new[] { "aspects" } });

        var data = string.Concat(events.Where(e => e.EventType == "section").Select(e => e.Data));
        Assert.Contains("°", EventStream.TextOf(events, "aspects"), StringComparison.Ordinal);
        Assert.Contains("°", data, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00B0", data, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u0027", data, StringComparison.OrdinalIgnoreCase);
    }

    private static List<(string Key, string Title, string Text)> Sections(JsonElement interpretation) =>
        interpretation.GetProperty("sections").EnumerateArray().Select(s => (s.Text("key"), s.Text("title"), s.Text("text"))).ToList();

    [Fact]
    public async Task An_error_before_the_stream_starts_is_an_ordinary_problem_response()
    {
        using var bob = factory.CreateUserClient("bob");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interpretations")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { chartId = InterpretationApiFactory.AliceChartId }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await bob.SendAsync(request, ApiJson.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"chartId":"c1","sections":"overview"}""", "sections")]
    [InlineData("""{"chartId":"c1","length":5}""", "length")]
    [InlineData("""{"chartId":["c1"]}""", "chartId")]
    public async Task An_unreadable_body_asked_for_as_a_stream_is_a_400_problem_naming_the_field(string body, string field)
    {
        using var alice = factory.CreateUserClient("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interpretations")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await alice.SendAsync(request, ApiJson.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }
}
