using System.Collections.Concurrent;

namespace ZodiaCore.InterpretationService.Quotas;

/// <summary>Counters in this process's memory: exact for a single instance, and the stand-in while Redis is away.</summary>
public sealed class InProcessDailyCounter(TimeProvider timeProvider) : IDailyCounter
{
    private readonly ConcurrentDictionary<string, Entry> counters = new(StringComparer.Ordinal);

    public ValueTask<long> IncrementAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var entry = counters.AddOrUpdate(
            key,
            _ => new Entry(1, expiresAt),
            (_, current) => current.ExpiresAt <= now ? new Entry(1, expiresAt) : current with { Count = current.Count + 1 });

        // Keys carry the day, so yesterday's are never touched again: drop them now and then.
        if (counters.Count > 10_000)
        {
            foreach (var stale in counters.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
            {
                counters.TryRemove(stale, out _);
            }
        }

        return ValueTask.FromResult(entry.Count);
    }

    public ValueTask DecrementAsync(string key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        while (counters.TryGetValue(key, out var current) && current.ExpiresAt > now && current.Count > 0
               && !counters.TryUpdate(key, current with { Count = current.Count - 1 }, current))
        {
            // Another request changed the count between the read and the update: read it again.
        }

        return ValueTask.CompletedTask;
    }

    private sealed record Entry(long Count, DateTimeOffset ExpiresAt);
}
