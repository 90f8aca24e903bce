namespace ZodiaCore.InterpretationService.Quotas;

/// <summary>Counters that reset at a fixed moment; in Redis when configured (shared by every instance), else in-process.</summary>
public interface IDailyCounter
{
    /// <summary>Adds one to <paramref name="key"/> and returns the new count; the counter disappears at <paramref name="expiresAt"/>.</summary>
    ValueTask<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Takes one back from <paramref name="key"/> if it still exists (a counter that expired meanwhile stays gone).</summary>
    ValueTask DecrementAsync(string key, CancellationToken cancellationToken);
}
