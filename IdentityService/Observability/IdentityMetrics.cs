using System.Diagnostics.Metrics;

namespace ZodiaCore.IdentityService.Observability;

/// <summary>The meter <c>ZodiaCore.Identity</c>.</summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "ZodiaCore.Identity";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _registrations;
    private readonly TimeProvider _time;
    private long _activeRefreshTokens;
    private long _pendingDeletions;
    private long _oldestPendingDeletionTicks;

    public IdentityMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>("zodiacore.logins", "{login}", "Login attempts by outcome (success, failure, locked).");
        _lockouts = meter.CreateCounter<long>("zodiacore.account_lockouts", "{lockout}", "Accounts locked after repeated failed logins.");
        _registrations = meter.CreateCounter<long>("zodiacore.registrations", "{account}", "Accounts registered.");
        // Counting needs a database query, so the maintenance worker refreshes the value and the gauge reads it.
        meter.CreateObservableGauge("zodiacore.refresh_tokens.active", () => Interlocked.Read(ref _activeRefreshTokens),
            "{token}", "Refresh tokens neither used, revoked nor expired.");
        meter.CreateObservableGauge("zodiacore.account_deletions.pending", () => Interlocked.Read(ref _pendingDeletions),
            "{account}", "Closed accounts not yet deleted: waiting for the access-token horizon, or for a service to confirm it deleted the user's data.");
        // An age, not a time stamp: it keeps growing between passes, and while the store is down and no pass completes.
        meter.CreateObservableGauge("zodiacore.account_deletions.oldest_pending_age", OldestPendingDeletionAge,
            "s", "How long ago the oldest pending account deletion was asked for; 0 when none is pending.");
    }

    public void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Lockout() => _lockouts.Add(1);

    public void Registration() => _registrations.Add(1);

    public void SetActiveRefreshTokens(long count) => Interlocked.Exchange(ref _activeRefreshTokens, count);

    /// <summary>The pending deletions as a maintenance pass left them: when each was asked for.</summary>
    public void SetPendingDeletions(IReadOnlyCollection<DateTimeOffset> requestedAt)
    {
        ArgumentNullException.ThrowIfNull(requestedAt);
        Interlocked.Exchange(ref _oldestPendingDeletionTicks, requestedAt.Count == 0 ? 0 : requestedAt.Min().UtcTicks);
        Interlocked.Exchange(ref _pendingDeletions, requestedAt.Count);
    }

    private double OldestPendingDeletionAge()
    {
        var oldest = Interlocked.Read(ref _oldestPendingDeletionTicks);
        return oldest == 0 ? 0 : Math.Max(0, (_time.GetUtcNow().UtcTicks - oldest) / (double)TimeSpan.TicksPerSecond);
    }
}
