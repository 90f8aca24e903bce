using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>
/// The id an interpretation is stored under, made from the ask and the answer it got: the owner, the saved chart (if
/// any), the cache key (chart content, sections, length, language, planned source), who answered (provider, model,
/// whether as a fallback) and when that answer was made. Asks answered from one cached answer get one id, so the
/// second ask finds the first record by id instead of storing a copy. Who answered is part of it so that an answer the
/// built-in interpreter gave while a provider was down is not handed back once the cache holds the provider's own.
/// </summary>
/// <remarks>
/// <para>A UUIDv7 in the stores' 32-hex-digit form: the answer's time in milliseconds, then 74 bits of a SHA-256 of the
/// rest. It is found through the primary key, and it grows with time, so an insert lands at the end of the id index.
/// Earlier versions kept this as a separate <c>askKey</c> with its own index; on the embedded store that index's
/// upkeep was 6–13 % of the service's CPU per interpretation (BENCHMARKS.md, 2026-11-29).</para>
/// <para>An answer cached before answer times were recorded counts as made at 0 (1970): its asks still share one id.</para>
/// <para>Ids and hashes only: nothing personal can be read from the id.</para>
/// </remarks>
public static class AskId
{
    /// <summary>The id for this ask and answer; null without a cache key (the answer cannot be met again).</summary>
    public static string? Of(string userId, string? chartId, InterpretationCacheKey? cacheKey, InterpretationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (cacheKey is null)
        {
            return null;
        }

        var text = string.Join('\n', userId, chartId ?? "", cacheKey.ToString(), outcome.Provider, outcome.Model, outcome.Fallback ? "fallback" : "first");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);

        // RFC 9562's layout: 48 bits of Unix milliseconds, version 7, 12 bits, variant 10, 62 bits.
        Span<byte> uuid = stackalloc byte[16];
        var millis = outcome.AnsweredAt?.ToUnixTimeMilliseconds() ?? 0;
        BinaryPrimitives.WriteInt64BigEndian(uuid[..8], millis << 16);
        hash[..10].CopyTo(uuid[6..]);
        uuid[6] = (byte)(0x70 | (uuid[6] & 0x0F));
        uuid[8] = (byte)(0x80 | (uuid[8] & 0x3F));
        return Convert.ToHexStringLower(uuid);
    }
}
