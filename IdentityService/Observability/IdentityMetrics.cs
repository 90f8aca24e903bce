using System.Diagnostics.Metrics;

namespace ZodiaCore.IdentityService.Observability;

/// <summary>The meter <c>ZodiaCore.Identity</c>.</summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "ZodiaCore.Identity";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _registrations;
    private long _activeRefreshTokens;

    public IdentityMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>("zodiacore.logins", "{login}", "Login attempts by outcome (success, failure, locked).");
        _lockouts = meter.CreateCounter<long>("zodiacore.account_lockouts", "{lockout}", "Accounts locked after repeated failed logins.");
        _registrations = meter.CreateCounter<long>("zodiacore.registrations", "{account}", "Accounts registered.");
        // Counting needs a database query, so the maintenance worker refreshes the value and the gauge reads it.
        meter.CreateObservableGauge("zodiacore.refresh_tokens.active", () => Interlocked.Read(ref _activeRefreshTokens),
            "{token}", "Refresh tokens neither used, revoked nor expired.");
    }

    public void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Lockout() => _lockouts.Add(1);

    public void Registration() => _registrations.Add(1);

    public void SetActiveRefreshTokens(long count) => Interlocked.Exchange(ref _activeRefreshTokens, count);
}
