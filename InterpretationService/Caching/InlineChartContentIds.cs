using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ZodiaCore.InterpretationService.Caching;

/// <summary>
/// The content id ChartService gave each inline natal request, keyed by a SHA-256 of the request exactly as the caller
/// sent it, in this instance's memory. With it, a repeated inline request whose interpretation is cached is answered
/// without asking ChartService for the whole chart (about 11 KB of JSON, sent and read) only to learn its content id.
/// A request that differs in any byte (spacing, key order) is another entry and asks ChartService as before; only
/// answers ChartService accepted are remembered. Entries live as long as local interpretation entries, so a
/// ChartService upgrade that changed how content ids are derived is picked up within that time; a key rotation (which
/// changes every content id) restarts this service with the new key, and a restart starts with no entries.
/// </summary>
public sealed class InlineChartContentIds : IDisposable
{
    /// <summary>Entries kept at most: about half a kilobyte each (two short strings and the cache's entry), so ~10 MB.</summary>
    public const int MaxEntries = 20_000;

    private readonly MemoryCache ids = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly IOptionsMonitor<InterpretationCacheOptions> options;

    public InlineChartContentIds(IOptionsMonitor<InterpretationCacheOptions> options) => this.options = options;

    /// <summary>The entry's key for a natal request: a SHA-256 of its bytes exactly as sent, in hex.</summary>
    public static string KeyOf(JsonElement natalRequest)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(JsonMarshal.GetRawUtf8Value(natalRequest), hash);
        return Convert.ToHexString(hash);
    }

    public bool TryGet(string key, [NotNullWhen(true)] out string? contentId) =>
        ids.TryGetValue(key, out contentId) && contentId is not null;

    public void Remember(string key, string? contentId)
    {
        if (string.IsNullOrEmpty(contentId))
        {
            return;
        }

        ids.Set(key, contentId, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = options.CurrentValue.LocalExpiration,
        });
    }

    public void Dispose() => ids.Dispose();
}
