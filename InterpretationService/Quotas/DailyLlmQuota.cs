using System.Globalization;
using Microsoft.Extensions.Options;

namespace ZodiaCore.InterpretationService.Quotas;

/// <summary>Each user's daily allowance of language-model interpretations, reset at UTC midnight.</summary>
public sealed class DailyLlmQuota(IDailyCounter counter, IOptionsMonitor<QuotaOptions> options, TimeProvider timeProvider)
{
    /// <summary>Counts one language-model interpretation for the user; refused (with the wait until the reset) beyond the quota.</summary>
    public async Task<QuotaDecision> TryConsumeAsync(string userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var resetsAt = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var key = string.Create(CultureInfo.InvariantCulture, $"interpretation:llm-quota:{now.UtcDateTime:yyyyMMdd}:{userId}");
        var limit = options.CurrentValue.DailyLlmQuota;
        var used = await counter.IncrementAsync(key, resetsAt, cancellationToken).ConfigureAwait(false);
        return used <= limit
            ? new QuotaDecision(true, limit, TimeSpan.Zero)
            : new QuotaDecision(false, limit, resetsAt - now);
    }
}

/// <summary>Whether a request may use a language model; when not, how long until the quota resets.</summary>
public sealed record QuotaDecision(bool Allowed, int Limit, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for the Retry-After header, rounded up so a client never retries early.</summary>
    public long RetryAfterSeconds => (long)Math.Ceiling(RetryAfter.TotalSeconds);
}
