using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// The revocations this instance knows (from IdentityService in the same process, or from Redis through
/// <see cref="TokenRevocationFeed"/>), checked on every authenticated request by dictionary look-ups alone.
/// For a subject or a session only the latest revocation counts: it covers every earlier one. Metrics (meter
/// <c>ZodiaCore.Authentication</c>): tokens refused as revoked, and how many revocations this instance knows, which
/// should read about the same on every instance (one far below the others is not receiving them).
/// </summary>
public sealed class TokenRevocations
{
    public const string MeterName = "ZodiaCore.Authentication";

    private readonly ConcurrentDictionary<string, TokenRevocation> bySubject = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenRevocation> bySession = new(StringComparer.Ordinal);
    private readonly TimeProvider time;
    private readonly Counter<long>? refused;
    private long nextPruneAt;

    // Set before the first entry goes in and never cleared: until then a check costs one read. (The dictionaries'
    // IsEmpty takes all their locks when they are empty, which every request would contend on.)
    private volatile bool anyApplied;

    public TokenRevocations(TimeProvider time, IMeterFactory? meterFactory = null)
    {
        this.time = time;
        if (meterFactory?.Create(MeterName) is { } meter)
        {
            refused = meter.CreateCounter<long>("zodiacore.auth.revoked_tokens_refused", "{token}",
                "Bearer tokens refused because IdentityService revoked them before they expired");
            // Live ones only: entries past their time are pruned lazily, and an instance started later never loads
            // them, so counting them would set instances apart that know the same.
            meter.CreateObservableGauge("zodiacore.auth.token_revocations", () => Live().Count, "{revocation}",
                "Token revocations this instance knows and still applies");
        }
    }

    public int Count => bySubject.Count + bySession.Count;

    /// <summary>The revocations still covering an unexpired token (the latest per subject and per session).</summary>
    public IReadOnlyList<TokenRevocation> Live()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return [.. bySubject.Values.Concat(bySession.Values).Where(r => r.ForgetAt > now)];
    }

    public void Apply(TokenRevocation revocation)
    {
        ArgumentNullException.ThrowIfNull(revocation);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (revocation.ForgetAt <= now)
        {
            return;
        }

        anyApplied = true;
        var entries = revocation.Subject is not null ? bySubject : bySession;
        var key = revocation.Subject ?? revocation.Session!;
        entries.AddOrUpdate(key, revocation, (_, known) => Covers(revocation, known) ? revocation : known);
        PruneIfDue(now);
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> replaces <paramref name="known"/>: a later cutoff does; within the same second
    /// the one sparing no session does, whatever order they arrive in (a lock and a password change at once).
    /// </summary>
    private static bool Covers(TokenRevocation candidate, TokenRevocation known) =>
        candidate.Cutoff > known.Cutoff || (candidate.Cutoff == known.Cutoff && (candidate.KeepSession is null || known.KeepSession is not null));

    /// <summary>True when <paramref name="token"/> was issued no later than a revocation that covers it.</summary>
    public bool IsRevoked(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!anyApplied)
        {
            return false;
        }

        token.TryGetPayloadValue<string>("sid", out var session);
        var issuedAt = new DateTimeOffset(DateTime.SpecifyKind(token.IssuedAt, DateTimeKind.Utc)).ToUnixTimeSeconds();
        if (LatestCutoff(token.Subject, session) is not { } cutoff || issuedAt > cutoff)
        {
            return false;
        }

        refused?.Add(1);
        return true;
    }

    /// <summary>
    /// The second up to which tokens of <paramref name="subject"/> in <paramref name="session"/> are revoked; null when
    /// none are. Cutoffs are whole seconds, as token times are: a token for them issued in that second is dated the next.
    /// </summary>
    public long? LatestCutoff(string? subject, string? session)
    {
        long? cutoff = null;
        if (subject is { Length: > 0 }
            && bySubject.TryGetValue(subject, out var forSubject)
            && (forSubject.KeepSession is null || forSubject.KeepSession != session))
        {
            cutoff = forSubject.Cutoff;
        }

        if (session is { Length: > 0 } && bySession.TryGetValue(session, out var forSession) && forSession.Cutoff > (cutoff ?? long.MinValue))
        {
            cutoff = forSession.Cutoff;
        }

        return cutoff;
    }

    /// <summary>Drops what no longer covers an unexpired token, at most once a minute.</summary>
    private void PruneIfDue(long now)
    {
        var due = Interlocked.Read(ref nextPruneAt);
        if (now < due || Interlocked.CompareExchange(ref nextPruneAt, now + 60, due) != due)
        {
            return;
        }

        foreach (var entries in new[] { bySubject, bySession })
        {
            foreach (var (key, revocation) in entries)
            {
                if (revocation.ForgetAt <= now)
                {
                    entries.TryRemove(new KeyValuePair<string, TokenRevocation>(key, revocation));
                }
            }
        }
    }
}
