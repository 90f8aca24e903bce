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
            ? new QuotaDecision(true, limit, TimeSpan.Zero, key)
            : new QuotaDecision(false, limit, resetsAt - now, key);
    }

    /// <summary>
    /// Gives back an allowed request's count when no language model answered it (the built-in interpreter did): the
    /// quota counts model interpretations, and an outage must not use it up. The count goes back to the day it was taken from.
    /// </summary>
    public ValueTask RefundAsync(QuotaDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Allowed ? counter.DecrementAsync(decision.CounterKey, cancellationToken) : ValueTask.CompletedTask;
    }
}

/// <summary>Whether a request may use a language model; when not, how long until the quota resets.</summary>
public sealed record QuotaDecision(bool Allowed, int Limit, TimeSpan RetryAfter, string CounterKey)
{
    /// <summary>Whole seconds for the Retry-After header, rounded up so a client never retries early.</summary>
    public long RetryAfterSeconds => (long)Math.Ceiling(RetryAfter.TotalSeconds);
}
