using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Tests.Storage;

public class AskKeyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static InterpretationCacheKey CacheKey(string contentId) =>
        new(contentId, SectionKeys.All, InterpretationLength.Standard, "en", "builtin", "builtin-v1", "builtin-v1");

    private static InterpretationOutcome Answer(DateTimeOffset? answeredAt) => new(
        [new InterpretationSection("overview", "Overview", "A chart.")], "en", false, [], "builtin", "builtin-v1",
        Fallback: false, [], Usage: null, "builtin-v1", answeredAt);

    [Fact]
    public void Ask_keys_of_later_answers_sort_after_those_of_earlier_ones_whoever_asked()
    {
        // Stores index the key; one that grows with the answer's time is appended at the end of that index, where a
        // random one would land on any of its pages.
        var keys = Enumerable.Range(0, 500)
            .Select(i => AskKey.Of($"user-{i % 37}", i % 3 == 0 ? $"chart-{i}" : null, CacheKey($"content-{i}"), Answer(Noon.AddMilliseconds(i * 7)))!)
            .ToList();

        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
        Assert.Equal(keys, keys.Order(StringComparer.InvariantCultureIgnoreCase));
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Asks_answered_by_one_cached_answer_share_a_key_and_a_remade_answer_has_another()
    {
        var answer = Answer(Noon);
        var key = AskKey.Of("user-1", "chart-1", CacheKey("content-1"), answer);

        Assert.Equal(key, AskKey.Of("user-1", "chart-1", CacheKey("content-1"), answer with { }));
        Assert.NotEqual(key, AskKey.Of("user-1", "chart-1", CacheKey("content-1"), Answer(Noon.AddMilliseconds(1))));
        Assert.NotEqual(key, AskKey.Of("user-2", "chart-1", CacheKey("content-1"), answer));
        Assert.NotEqual(key, AskKey.Of("user-1", null, CacheKey("content-1"), answer));
        Assert.NotEqual(key, AskKey.Of("user-1", "chart-1", CacheKey("content-2"), answer));
        Assert.NotEqual(key, AskKey.Of("user-1", "chart-1", CacheKey("content-1"), answer with { Fallback = true }));
    }

    [Fact]
    public void An_answer_cached_before_answer_times_were_recorded_keeps_the_key_its_records_were_stored_under()
    {
        var cacheKey = CacheKey("content-1");
        var stored = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', "user-1", "chart-1", cacheKey.ToString(), "builtin", "builtin-v1", "first"))));

        Assert.Equal(stored, AskKey.Of("user-1", "chart-1", cacheKey, Answer(answeredAt: null)));
    }

    [Fact]
    public void An_ask_key_names_no_user_chart_or_content()
    {
        var key = AskKey.Of("user-with-a-name", "chart-of-mine", CacheKey("content-abc"), Answer(Noon))!;

        Assert.Equal(12 + 32, key.Length);
        Assert.Equal(Noon.ToUnixTimeMilliseconds(), long.Parse(key[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.All(key, c => Assert.True(char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c), $"'{c}' in {key}"));
    }

    [Fact]
    public void An_ask_without_a_cache_key_has_no_ask_key() =>
        Assert.Null(AskKey.Of("user-1", null, null, Answer(Noon)));
}
