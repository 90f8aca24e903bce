using System.Net;
using System.Text.Json;
using ZodiaCore.InterpretationService.Prompting;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>With a language model configured (a fake OpenAI-compatible server): its answers, their cache and the daily quota.</summary>
public sealed class LanguageModelTests(LlmInterpretationApiFactory factory) : IClassFixture<LlmInterpretationApiFactory>
{
    [Fact]
    public async Task The_model_answers_and_a_second_identical_request_does_not_call_it_again()
    {
        using var carol = factory.CreateUserClient("carol");
        var request = new { chart = InterpretationApiFactory.InlineChart(), language = "de" };

        using var first = await carol.InterpretAsync(request);
        var callsAfterFirst = factory.OpenAiCalls;
        using var second = await carol.InterpretAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var a = await first.ReadJsonAsync();
        Assert.Equal("openai", a.Text("provider"));
        Assert.Equal(NatalPrompt.Version, a.Text("promptVersion"));
        Assert.False(a.GetProperty("fallback").GetBoolean());
        Assert.Equal(321, a.GetProperty("usage").GetProperty("inputTokens").GetInt64());
        Assert.Equal(123, a.GetProperty("usage").GetProperty("outputTokens").GetInt64());
        Assert.StartsWith("openai writes about", a.GetProperty("sections")[0].Text("text"), StringComparison.Ordinal);

        var b = await second.ReadJsonAsync();
        Assert.True(b.GetProperty("cached").GetBoolean());
        Assert.Equal("openai", b.Text("provider"));
        Assert.Equal(callsAfterFirst, factory.OpenAiCalls);
    }

    [Fact]
    public async Task Beyond_the_daily_quota_a_model_request_is_a_429_with_Retry_After_until_UTC_midnight_and_builtin_still_answers()
    {
        using var dave = factory.CreateUserClient("dave");
        string[] lengths = ["short", "standard", "long"];

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        foreach (var length in lengths)
        {
            var response = await dave.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), length, language = "fr" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        using (refused)
        {
            // The factory's clock stands at 23:00 UTC: one hour to the reset.
            Assert.Equal("3600", Assert.Single(refused!.Headers.GetValues("Retry-After")));
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await refused.ReadJsonAsync()).GetProperty("status").GetInt32());
        }

        using var builtIn = await dave.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), length = "long", language = "fr", provider = "builtin" });
        Assert.Equal(HttpStatusCode.OK, builtIn.StatusCode);
        Assert.Equal("builtin", (await builtIn.ReadJsonAsync()).Text("provider"));
    }

    [Fact]
    public async Task The_quota_is_per_user()
    {
        using var erin = factory.CreateUserClient("erin");
        using var frank = factory.CreateUserClient("frank");
        foreach (var length in new[] { "short", "long" })
        {
            using var used = await erin.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), length, language = "it" });
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }

        using var other = await frank.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), length = "standard", language = "it" });

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_streamed_model_answer_arrives_as_section_events_in_order_then_done()
    {
        using var grace = factory.CreateUserClient("grace");

        var events = await EventStream.PostAsync(grace, new { chart = InterpretationApiFactory.InlineChart(), language = "es" });

        var done = events[^1];
        Assert.Equal("done", done.EventType);
        Assert.All(events.Take(events.Count - 1), e => Assert.Equal("section", e.EventType));
        Assert.True(events.Count > 6, "a model's answer arrives in many chunks");
        var body = JsonDocument.Parse(done.Data).RootElement;
        Assert.Equal("openai", body.Text("provider"));
        var keys = body.GetProperty("sections").EnumerateArray().Select(s => s.Text("key")).ToList();
        Assert.Equal(keys, EventStream.SectionOrder(events));
        foreach (var section in body.GetProperty("sections").EnumerateArray())
        {
            Assert.Equal(section.Text("text").Trim(), EventStream.TextOf(events, section.Text("key")).Trim());
        }
    }
}
