using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Which tokens a revocation covers: by subject or session, up to its second, the latest one counting.</summary>
public sealed class TokenRevocationsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly FakeTimeProvider time = new(Now);
    private readonly TokenRevocations revocations;

    public TokenRevocationsTests() => revocations = new TokenRevocations(time);

    private static JsonWebToken Token(string subject, string session, DateTimeOffset issuedAt) => new(new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["sid"] = session },
            IssuedAt = issuedAt.UtcDateTime,
            Expires = (issuedAt + Lifetime).UtcDateTime,
        }));

    [Fact]
    public void A_subject_revocation_covers_its_tokens_up_to_the_end_of_its_second_and_no_one_elses()
    {
        revocations.Apply(TokenRevocation.ForSubject("u-1", Now.AddMilliseconds(400), Lifetime));

        Assert.True(revocations.IsRevoked(Token("u-1", "s-1", Now.AddMinutes(-5))));
        Assert.True(revocations.IsRevoked(Token("u-1", "s-2", Now)));
        Assert.False(revocations.IsRevoked(Token("u-1", "s-1", Now.AddSeconds(1))));
        Assert.False(revocations.IsRevoked(Token("u-2", "s-1", Now.AddMinutes(-5))));
    }

    [Fact]
    public void A_subject_revocation_that_keeps_a_session_spares_that_sessions_tokens_only()
    {
        revocations.Apply(TokenRevocation.ForSubject("u-1", Now, Lifetime, keepSession: "s-keep"));

        Assert.False(revocations.IsRevoked(Token("u-1", "s-keep", Now.AddMinutes(-1))));
        Assert.True(revocations.IsRevoked(Token("u-1", "s-other", Now.AddMinutes(-1))));
    }

    [Fact]
    public void A_session_revocation_covers_that_session_only()
    {
        revocations.Apply(TokenRevocation.ForSession("s-1", Now, Lifetime));

        Assert.True(revocations.IsRevoked(Token("u-1", "s-1", Now.AddMinutes(-1))));
        Assert.False(revocations.IsRevoked(Token("u-1", "s-2", Now.AddMinutes(-1))));
    }

    [Fact]
    public void The_latest_revocation_of_a_subject_counts_whatever_order_they_arrive_in()
    {
        var keepingSession = TokenRevocation.ForSubject("u-1", Now, Lifetime, keepSession: "s-keep");
        var later = TokenRevocation.ForSubject("u-1", Now.AddSeconds(30), Lifetime);

        revocations.Apply(later);
        revocations.Apply(keepingSession);

        // The later, session-less revocation (an account lock after a password change) covers the kept session too.
        Assert.True(revocations.IsRevoked(Token("u-1", "s-keep", Now.AddSeconds(10))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Within_one_second_the_revocation_sparing_no_session_counts_whichever_arrives_first(bool lockFirst)
    {
        var keepingSession = TokenRevocation.ForSubject("u-1", Now, Lifetime, keepSession: "s-keep");
        var locking = TokenRevocation.ForSubject("u-1", Now.AddMilliseconds(300), Lifetime);

        revocations.Apply(lockFirst ? locking : keepingSession);
        revocations.Apply(lockFirst ? keepingSession : locking);

        Assert.True(revocations.IsRevoked(Token("u-1", "s-keep", Now.AddSeconds(-10))));
    }

    [Fact]
    public void A_revocation_whose_tokens_have_all_expired_is_not_kept()
    {
        revocations.Apply(TokenRevocation.ForSubject("u-1", Now - Lifetime - TimeSpan.FromMinutes(1), Lifetime));

        Assert.Equal(0, revocations.Count);
    }

    [Fact]
    public void Expired_revocations_are_dropped_as_new_ones_arrive()
    {
        revocations.Apply(TokenRevocation.ForSubject("u-1", Now, Lifetime));
        time.Advance(Lifetime + TimeSpan.FromMinutes(2));

        revocations.Apply(TokenRevocation.ForSession("s-9", time.GetUtcNow(), Lifetime));

        Assert.Equal(1, revocations.Count);
    }

    [Fact]
    public void Refused_tokens_and_known_revocations_are_measured()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var measured = new TokenRevocations(time, meters);
        using var refusedTokens = new MetricCollector<long>(meters, TokenRevocations.MeterName, "zodiacore.auth.revoked_tokens_refused");
        using var known = new MetricCollector<int>(meters, TokenRevocations.MeterName, "zodiacore.auth.token_revocations");

        measured.Apply(TokenRevocation.ForSubject("u-1", Now, Lifetime));
        measured.Apply(TokenRevocation.ForSession("s-7", Now, Lifetime));
        Assert.True(measured.IsRevoked(Token("u-1", "s-1", Now.AddMinutes(-1))));
        Assert.False(measured.IsRevoked(Token("u-2", "s-1", Now.AddMinutes(-1))));
        known.RecordObservableInstruments();

        Assert.Equal(1, refusedTokens.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(2, known.LastMeasurement?.Value);
    }

    [Fact]
    public void Known_revocations_are_measured_without_those_past_their_time()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var measured = new TokenRevocations(time, meters);
        using var known = new MetricCollector<int>(meters, TokenRevocations.MeterName, "zodiacore.auth.token_revocations");
        measured.Apply(TokenRevocation.ForSubject("u-1", Now, Lifetime));
        time.Advance(TimeSpan.FromMinutes(10));
        measured.Apply(TokenRevocation.ForSession("s-7", time.GetUtcNow(), Lifetime));

        // The first is past its time but not pruned yet (nothing applied since): an instance started now, which loads
        // live revocations only, must read the same.
        time.Advance(TimeSpan.FromMinutes(6));
        known.RecordObservableInstruments();

        Assert.Equal(2, measured.Count);
        Assert.Equal(1, known.LastMeasurement?.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("u-1\ts-1\t\t1\t2")]
    [InlineData("\t\t\t1\t2")]
    [InlineData("u-1\t\t\tx\t2")]
    [InlineData("u-1\t\t\t1")]
    public void Malformed_revocation_text_is_ignored(string text) => Assert.Null(TokenRevocation.Parse(text));

    [Fact]
    public void A_revocation_reads_back_as_it_was_written()
    {
        var revocation = TokenRevocation.ForSubject("u-1", Now, Lifetime, keepSession: "s-keep");

        Assert.Equal(revocation, TokenRevocation.Parse(revocation.Format()));
    }
}
