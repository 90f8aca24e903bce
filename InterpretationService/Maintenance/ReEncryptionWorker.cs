using ZodiaCore.FieldEncryption;

namespace ZodiaCore.InterpretationService.Maintenance;

/// <summary>
/// Once the service has started, and only while <c>ENCRYPTION_OLD_KEYS</c> lists a key, runs one
/// <see cref="SectionsReEncryption"/> pass. A failed pass is logged and runs again at the next start.
/// </summary>
public sealed partial class ReEncryptionWorker(
    SectionsReEncryption reEncryption,
    FieldEncryptor encryptor,
    IHostApplicationLifetime lifetime,
    ILogger<ReEncryptionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (encryptor.Keys.All.Count < 2)
        {
            return;
        }

        try
        {
            // Start-up (and the first requests' readiness) comes first; the pass only moves data already readable.
            await WaitUntilStartedAsync(stoppingToken).ConfigureAwait(false);
            await reEncryption.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
        catch (Exception ex)
        {
            // An unhandled failure here would stop the host; the stored data stays readable with the old keys kept.
            LogFailed(logger, ex);
        }
    }

    private async Task WaitUntilStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encryption of interpretations stopped with the service; it runs again at the next start")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Re-encryption of interpretations failed; keep ENCRYPTION_OLD_KEYS until a later start completes it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
