using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>
/// Identifies one user's ask and the answer it was given: the owner, the saved chart (if any), the cache key (chart
/// content, sections, length, language, planned source), who answered (provider, model, whether as a fallback) and when
/// that answer was made. Two asks with the same key got the same cached answer, so the second, answered from the cache,
/// is the first record again. Who answered is part of it so that an answer the built-in interpreter gave while a
/// provider was down is not handed back once the cache holds the provider's own. Ids and hashes only, nothing personal.
/// </summary>
/// <remarks>
/// The key starts with the answer's time (milliseconds since 1970, 12 hex digits) and ends with the first 128 bits of a
/// SHA-256 of the rest. Stores index it, and a key that grows with time lands at the end of that index, as ids do: a
/// random key (the whole hash, as before) puts every insert on an arbitrary index page, and on the embedded store
/// those scattered page writes were most of an interpretation's storage cost (BENCHMARKS.md, 2026-11-29 13:26Z). An
/// answer cached before answer times were recorded keeps the key its records were stored under: the whole hash, in hex.
/// </remarks>
public static class AskKey
{
    public static string? Of(string userId, string? chartId, InterpretationCacheKey? cacheKey, InterpretationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (cacheKey is null)
        {
            return null;
        }

        var text = string.Join('\n', userId, chartId ?? "", cacheKey.ToString(), outcome.Provider, outcome.Model, outcome.Fallback ? "fallback" : "first");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return outcome.AnsweredAt is { } answeredAt
            ? answeredAt.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(hash.AsSpan(0, 16))
            : Convert.ToHexStringLower(hash);
    }
}
