using System.Net;
using System.Text.Json;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// A repeated inline chart whose interpretation is cached is answered without asking ChartService again; everything
/// else still goes to ChartService (each test class has its own factory, so its own fake ChartService log).
/// </summary>
public sealed class InlineChartReuseTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    private int NatalCalls => factory.Charts.LogEntries.Count(e => e.RequestMessage.Path == "/api/charts/natal");

    private int SavedChartCalls => factory.Charts.LogEntries.Count(e => e.RequestMessage.Path == "/api/charts/" + InterpretationApiFactory.AliceChartId);

    [Fact]
    public async Task A_repeated_inline_chart_whose_interpretation_is_cached_is_answered_without_asking_ChartService()
    {
        using var alice = factory.CreateUserClient("alice");
        var request = new { chart = InterpretationApiFactory.InlineChart("1971-03-04"), sections = new[] { "planets" } };
        var before = NatalCalls;

        using var first = await alice.InterpretAsync(request);
        using var second = await alice.InterpretAsync(request);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before + 1, NatalCalls);
        var a = await first.ReadJsonAsync();
        var b = await second.ReadJsonAsync();
        Assert.True(b.GetProperty("cached").GetBoolean());
        Assert.Equal(InterpretationApiFactory.InlineContentId, b.Text("contentId"));
        Assert.Equal(a.GetProperty("sections").GetRawText(), b.GetProperty("sections").GetRawText());
        // The caller already has this interpretation: it is the one answered again.
        Assert.Equal(a.Text("id"), b.Text("id"));
    }

    [Fact]
    public async Task An_inline_chart_is_asked_of_ChartService_with_no_store_and_no_cache_so_its_cache_is_neither_written_nor_read()
    {
        using var alice = factory.CreateUserClient("alice");

        // A date no other test of this class asks for: they share one factory and its log of ChartService calls.
        using var response = await alice.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart("1975-03-04") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var natal = Assert.Single(factory.Charts.LogEntries,
            e => e.RequestMessage.Path == "/api/charts/natal" && e.RequestMessage.Body?.Contains("1975-03-04", StringComparison.Ordinal) == true);
        Assert.NotNull(natal.RequestMessage.Headers);
        var directives = natal.RequestMessage.Headers["Cache-Control"].ToString();
        Assert.Contains("no-store", directives, StringComparison.Ordinal);
        Assert.Contains("no-cache", directives, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_inline_chart_asks_ChartService()
    {
        using var alice = factory.CreateUserClient("alice");
        var before = NatalCalls;

        using var first = await alice.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart("1972-03-04") });
        using var second = await alice.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart("1972-03-05") });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(before + 2, NatalCalls);
    }

    [Fact]
    public async Task A_known_inline_chart_with_options_not_yet_interpreted_is_fetched_and_interpreted()
    {
        using var alice = factory.CreateUserClient("alice");
        var chart = InterpretationApiFactory.InlineChart("1973-03-04");
        var before = NatalCalls;

        using var first = await alice.InterpretAsync(new { chart, length = "short" });
        using var second = await alice.InterpretAsync(new { chart, length = "long" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await second.ReadJsonAsync()).GetProperty("cached").GetBoolean());
        Assert.Equal(before + 2, NatalCalls);
    }

    [Fact]
    public async Task An_inline_chart_ChartService_rejected_is_asked_about_again_and_rejected_again()
    {
        using var alice = factory.CreateUserClient("alice");
        var request = new { chart = InterpretationApiFactory.InlineChart(InterpretationApiFactory.InvalidBirthDate) };
        var before = NatalCalls;

        using var first = await alice.InterpretAsync(request);
        using var second = await alice.InterpretAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("chart.birth.date", await second.ErrorFieldsAsync());
        Assert.Equal(before + 2, NatalCalls);
    }

    [Fact]
    public async Task A_saved_chart_is_fetched_with_the_callers_token_on_every_request_even_when_its_interpretation_is_cached()
    {
        using var alice = factory.CreateUserClient("alice");
        using var bob = factory.CreateUserClient("bob");
        var request = new { chartId = InterpretationApiFactory.AliceChartId, sections = new[] { "houses" } };
        var before = SavedChartCalls;

        using var first = await alice.InterpretAsync(request);
        using var second = await alice.InterpretAsync(request);
        using var other = await bob.InterpretAsync(request);

        Assert.True((await second.ReadJsonAsync()).GetProperty("cached").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(before + 3, SavedChartCalls);
    }

    [Fact]
    public async Task A_repeated_inline_chart_streams_its_cached_interpretation_without_asking_ChartService()
    {
        using var alice = factory.CreateUserClient("alice");
        var request = new { chart = InterpretationApiFactory.InlineChart("1974-03-04"), sections = new[] { "aspects", "elements" } };
        using var first = await alice.InterpretAsync(request);
        var before = NatalCalls;

        var events = await EventStream.PostAsync(alice, request);

        Assert.Equal(before, NatalCalls);
        Assert.Equal(["aspects", "elements"], EventStream.SectionOrder(events));
        var done = JsonDocument.Parse(events[^1].Data).RootElement;
        Assert.Equal("done", events[^1].EventType);
        Assert.True(done.GetProperty("cached").GetBoolean());
        Assert.Equal(InterpretationApiFactory.InlineContentId, done.Text("contentId"));
    }
}
