using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tests.Api;
using ZodiaCore.IdentityService.Tests.Storage;

namespace ZodiaCore.IdentityService.Tests.Maintenance;

/// <summary>
/// The maintenance worker runs every minute. During a store outage each pass fails; that is reported once per pass as a
/// warning naming the cause, without a stack trace, while a fault in the code is still an error with one.
/// </summary>
public sealed class MaintenanceOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Maintenance_pass_during_a_store_outage_logs_a_warning_without_a_stack_trace()
    {
        var records = await RecordsOfOnePassAsync(new TimeoutException(
            "A timeout occurred after 10000ms selecting a server using CompositeServerSelector. Client view of cluster state is ..."));

        var record = Assert.Single(records);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Null(record.Exception);
        Assert.Contains("data store is unreachable", record.Message, StringComparison.Ordinal);
        Assert.Contains("TimeoutException", record.Message, StringComparison.Ordinal);
        Assert.Contains("selecting a server", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maintenance_pass_failing_for_another_reason_logs_an_error_with_the_exception()
    {
        var fault = new InvalidOperationException("a bug in a maintenance step");

        var records = await RecordsOfOnePassAsync(fault);

        var record = Assert.Single(records);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Same(fault, record.Exception);
    }

    private static async Task<IReadOnlyList<FakeLogRecord>> RecordsOfOnePassAsync(Exception failure)
    {
        await using var app = CustomisedIdentityApp.WithUserStore(inner => new FailingPendingDeletionStore(inner, failure));
        var logger = new FakeLogger<IdentityMaintenanceWorker>();
        using var worker = ActivatorUtilities.CreateInstance<IdentityMaintenanceWorker>(app.App.Services, logger);

        await worker.StartAsync(Ct);
        // The first pass runs at once; the next one waits out the interval, so exactly one pass is seen here.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (logger.Collector.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        await worker.StopAsync(Ct);
        return logger.Collector.GetSnapshot();
    }

    private sealed class FailingPendingDeletionStore(IUserStore inner, Exception failure) : DelegatingUserStore(inner)
    {
        public override Task<IReadOnlyList<UserAccount>> ListPendingDeletionAsync(CancellationToken cancellationToken) =>
            Task.FromException<IReadOnlyList<UserAccount>>(failure);
    }
}
