using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ZodiaCore.InterpretationService.Quotas;

namespace ZodiaCore.InterpretationService.Tests.Quotas;

public class DailyLlmQuotaTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static (DailyLlmQuota Quota, FakeTimeProvider Time) Create(int limit, DateTimeOffset now)
    {
        var time = new FakeTimeProvider(now);
        var options = new StaticOptions(new QuotaOptions { DailyLlmQuota = limit });
        return (new DailyLlmQuota(new InProcessDailyCounter(time), options, time), time);
    }

    [Fact]
    public async Task The_request_after_the_limit_is_refused_until_UTC_midnight()
    {
        var (quota, _) = Create(2, new DateTimeOffset(2026, 3, 1, 21, 59, 30, 500, TimeSpan.Zero));

        var decisions = new List<QuotaDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await quota.TryConsumeAsync("u1", Ct));
        }

        Assert.Equal([true, true, false], decisions.Select(d => d.Allowed));
        // 21:59:30.5 → midnight is 2 h 29.5 s away; rounded up, never early.
        Assert.Equal(7230, decisions[2].RetryAfterSeconds);
    }

    [Fact]
    public async Task The_count_starts_again_on_the_next_UTC_day()
    {
        var (quota, time) = Create(1, new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero));
        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);
        Assert.False((await quota.TryConsumeAsync("u1", Ct)).Allowed);

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);
    }

    [Fact]
    public async Task A_midnight_in_another_time_zone_does_not_reset_the_count()
    {
        // 23:30 at UTC+02:00 is 21:30 UTC: the UTC day, not the local one, decides.
        var (quota, time) = Create(1, new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.FromHours(2)));
        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);

        time.Advance(TimeSpan.FromHours(1));

        var decision = await quota.TryConsumeAsync("u1", Ct);
        Assert.False(decision.Allowed);
        // Now 22:30 UTC (00:30 local): the reset is 1 h 30 min away, at UTC midnight.
        Assert.Equal(5400, decision.RetryAfterSeconds);
    }

    [Fact]
    public async Task A_refunded_request_does_not_count_against_the_limit()
    {
        var (quota, _) = Create(1, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

        await quota.RefundAsync(await quota.TryConsumeAsync("u1", Ct), Ct);

        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);
        Assert.False((await quota.TryConsumeAsync("u1", Ct)).Allowed);
    }

    [Fact]
    public async Task A_refund_after_midnight_goes_back_to_the_day_it_was_taken_from()
    {
        var (quota, time) = Create(1, new DateTimeOffset(2026, 3, 1, 23, 59, 0, TimeSpan.Zero));
        var yesterday = await quota.TryConsumeAsync("u1", Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);

        await quota.RefundAsync(yesterday, Ct);

        Assert.False((await quota.TryConsumeAsync("u1", Ct)).Allowed);
    }

    [Fact]
    public async Task A_refused_request_has_nothing_to_refund()
    {
        var (quota, _) = Create(1, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.True((await quota.TryConsumeAsync("u1", Ct)).Allowed);

        await quota.RefundAsync(await quota.TryConsumeAsync("u1", Ct), Ct);

        Assert.False((await quota.TryConsumeAsync("u1", Ct)).Allowed);
    }

    private sealed class StaticOptions(QuotaOptions value) : IOptionsMonitor<QuotaOptions>
    {
        public QuotaOptions CurrentValue => value;

        public QuotaOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<QuotaOptions, string?> listener) => null;
    }
}
