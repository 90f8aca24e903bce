using System.Security.Cryptography;
using System.Text;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>
/// Identifies one user's ask and its answer's source: the owner, the saved chart (if any), the cache key (chart content,
/// sections, length, language, planned source) and who answered (provider, model, whether as a fallback). Two asks with
/// the same key got interchangeable interpretations, so the second, answered from the cache, is the first record again.
/// Who answered is part of it so that an answer the built-in interpreter gave while a provider was down is not handed
/// back once the cache holds the provider's own. A SHA-256 of those values: ids and hashes only, nothing personal.
/// </summary>
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
