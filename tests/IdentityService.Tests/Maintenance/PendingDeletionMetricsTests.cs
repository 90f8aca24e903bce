using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Tests.Accounts;
using ZodiaCore.IdentityService.Tests.Api;

namespace ZodiaCore.IdentityService.Tests.Maintenance;

/// <summary>
/// The gauges an operator alerts on when users' data is not being deleted (AccountDeletionOverdue): how many account
/// deletions are pending and how long ago the oldest was asked for, as the maintenance pass leaves them.
/// </summary>
public sealed class PendingDeletionMetricsTests : IAsyncDisposable
{
    private readonly StandInUserDataService _charts = new("charts") { Behaviour = StandInBehaviour.Refuse };
    private readonly CustomisedIdentityApp _host;

    public PendingDeletionMetricsTests()
    {
        _host = new(builder =>
        {
            StandInUserDataService.Register(builder, _charts);
            // The app's own maintenance loop waits a day on the fake clock, so only this test's passes set the gauges
            // (advancing the clock two hours would otherwise start one that could land after the test's last pass).
            builder.UseSetting("Identity:MaintenanceInterval", "1.00:00:00");
        });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_deletion_a_service_does_not_confirm_is_counted_pending_and_ages_until_it_completes()
    {
        var services = _host.App.Services;
        var meters = services.GetRequiredService<IMeterFactory>();
        using var pending = new MetricCollector<long>(meters, IdentityMetrics.MeterName, "zodiacore.account_deletions.pending");
        using var age = new MetricCollector<double>(meters, IdentityMetrics.MeterName, "zodiacore.account_deletions.oldest_pending_age");
        var worker = ActivatorUtilities.CreateInstance<IdentityMaintenanceWorker>(services);
        var time = _host.Factory.Time;
        const string email = "pending.gauge@example.com";
        using (var registered = await _host.Factory.RegisterAsync(_host.Client, email))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var token = await _host.Factory.AccessTokenAsync(_host.Client, email);
        using (var deleted = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Delete, "/api/users/me", token))
        {
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        }

        // The service keeps refusing: the deletion stays pending, and its age grows with the clock between passes.
        await worker.RunOnceAsync(rotateEncryption: false, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(2));
        pending.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(1, pending.LastMeasurement?.Value);
        Assert.InRange(age.LastMeasurement!.Value, 7200, 7260);

        // Once it confirms (past the access-token horizon, so this is the final pass), nothing is pending.
        _charts.Behaviour = StandInBehaviour.Answer;
        await worker.RunOnceAsync(rotateEncryption: false, TestContext.Current.CancellationToken);
        pending.RecordObservableInstruments();
        age.RecordObservableInstruments();
        Assert.Equal(0, pending.LastMeasurement?.Value);
        Assert.Equal(0, age.LastMeasurement?.Value);
    }
}
