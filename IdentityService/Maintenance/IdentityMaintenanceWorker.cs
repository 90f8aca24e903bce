using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;
using ZodiaCore.ServiceDefaults.Errors;

namespace ZodiaCore.IdentityService.Maintenance;

/// <summary>
/// Periodic upkeep: signing-key rotation, retries of pending account deletions and their gauges, the active-token
/// gauge, purging expired refresh tokens — and once at start, when old encryption keys are configured, re-encryption.
/// </summary>
public sealed partial class IdentityMaintenanceWorker(
    IServiceScopeFactory scopes,
    SigningKeyRing signingKeys,
    IdentityMetrics metrics,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<IdentityMaintenanceWorker> logger) : BackgroundService
{
    public const string IntervalSetting = "Identity:MaintenanceInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(1));
        var rotationDone = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                rotationDone = await RunOnceAsync(rotateEncryption: !rotationDone, stoppingToken).ConfigureAwait(false) || rotationDone;
            }
            catch (Exception ex) when (StoreOutage.Find(ex) is { } outage)
            {
                // An outage is reported by the health checks and the services' 503s already; a stack trace every minute
                // of it would bury the errors that need a developer.
                LogStoreUnavailable(logger, outage.GetType().Name, StoreOutage.Describe(outage));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass; returns true when a re-encryption pass ran to the end.</summary>
    public async Task<bool> RunOnceAsync(bool rotateEncryption, CancellationToken cancellationToken)
    {
        await signingKeys.ReloadAsync(cancellationToken).ConfigureAwait(false);
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<IUserStore>();
        var deletion = services.GetRequiredService<AccountDeletion>();
        var now = time.GetUtcNow();
        foreach (var pending in await users.ListPendingDeletionAsync(cancellationToken).ConfigureAwait(false))
        {
            await deletion.DeleteAsync(pending, RequestOrigin.Background, cancellationToken).ConfigureAwait(false);
        }

        // Read again rather than inferred: the pass removed the accounts past the horizon whose data every service
        // confirmed deleted, and a user may have closed an account meanwhile.
        var stillPending = await users.ListPendingDeletionAsync(cancellationToken).ConfigureAwait(false);
        metrics.SetPendingDeletions(stillPending.Select(u => u.DeletionRequestedAt ?? now).ToArray());

        var tokens = services.GetRequiredService<IRefreshTokenStore>();
        await tokens.DeleteExpiredAsync(now - TimeSpan.FromDays(1), cancellationToken).ConfigureAwait(false);
        metrics.SetActiveRefreshTokens(await tokens.CountActiveAsync(now, cancellationToken).ConfigureAwait(false));

        var protector = services.GetRequiredService<PersonalDataProtector>();
        if (rotateEncryption && protector.Encryptor.Keys.All.Count > 1)
        {
            await services.GetRequiredService<PersonalDataRotation>().RunAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning,
        Message = "Identity maintenance pass skipped: a data store is unreachable ({ExceptionType}: {Reason}); it will be retried")]
    private static partial void LogStoreUnavailable(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Identity maintenance pass failed; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
