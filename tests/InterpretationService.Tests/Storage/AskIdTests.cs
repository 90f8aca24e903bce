using System.Globalization;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Tests.Storage;

public class AskIdTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static InterpretationCacheKey CacheKey(string contentId) =>
        new(contentId, SectionKeys.All, InterpretationLength.Standard, "en", "builtin", "builtin-v1", "builtin-v1");

    private static InterpretationOutcome Answer(DateTimeOffset? answeredAt) => new(
        [new InterpretationSection("overview", "Overview", "A chart.")], "en", false, [], "builtin", "builtin-v1",
        Fallback: false, [], Usage: null, "builtin-v1", answeredAt);

    [Fact]
    public void Ids_of_later_answers_sort_after_those_of_earlier_ones_whoever_asked()
    {
        // The id is the stores' primary key; one that grows with the answer's time is appended at the end of its index,
        // where a random one would land on any of its pages.
        var ids = Enumerable.Range(0, 500)
            .Select(i => AskId.Of($"user-{i % 37}", i % 3 == 0 ? $"chart-{i}" : null, CacheKey($"content-{i}"), Answer(Noon.AddMilliseconds(i * 7)))!)
            .ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids, ids.Order(StringComparer.InvariantCultureIgnoreCase));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Asks_answered_by_one_cached_answer_share_an_id_and_a_remade_answer_has_another()
    {
        var answer = Answer(Noon);
        var id = AskId.Of("user-1", "chart-1", CacheKey("content-1"), answer);

        Assert.Equal(id, AskId.Of("user-1", "chart-1", CacheKey("content-1"), answer with { }));
        Assert.NotEqual(id, AskId.Of("user-1", "chart-1", CacheKey("content-1"), Answer(Noon.AddMilliseconds(1))));
        Assert.NotEqual(id, AskId.Of("user-2", "chart-1", CacheKey("content-1"), answer));
        Assert.NotEqual(id, AskId.Of("user-1", null, CacheKey("content-1"), answer));
        Assert.NotEqual(id, AskId.Of("user-1", "chart-1", CacheKey("content-2"), answer));
        Assert.NotEqual(id, AskId.Of("user-1", "chart-1", CacheKey("content-1"), answer with { Fallback = true }));
        Assert.NotEqual(id, AskId.Of("user-1", "chart-1", CacheKey("content-1"), answer with { Provider = "openai" }));
    }

    [Fact]
    public void An_id_is_a_version_7_uuid_led_by_the_answer_time_in_the_stores_32_digit_form()
    {
        var id = AskId.Of("user-with-a-name", "chart-of-mine", CacheKey("content-abc"), Answer(Noon))!;

        var uuid = Guid.ParseExact(id, "N");
        Assert.Equal(7, uuid.Version);
        Assert.Equal(0b10, uuid.Variant >> 2);
        Assert.Equal(uuid.ToString("N"), id);
        Assert.Equal(Noon.ToUnixTimeMilliseconds(), long.Parse(id[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_answer_cached_before_answer_times_were_recorded_gives_its_asks_one_id_dated_1970()
    {
        var id = AskId.Of("user-1", "chart-1", CacheKey("content-1"), Answer(answeredAt: null))!;

        Assert.Equal(id, AskId.Of("user-1", "chart-1", CacheKey("content-1"), Answer(answeredAt: null)));
        Assert.StartsWith("000000000000", id, StringComparison.Ordinal);
        Assert.Equal(7, Guid.ParseExact(id, "N").Version);
    }

    [Fact]
    public void An_ask_without_a_cache_key_has_no_id_of_its_own() =>
        Assert.Null(AskId.Of("user-1", null, null, Answer(Noon)));
}
