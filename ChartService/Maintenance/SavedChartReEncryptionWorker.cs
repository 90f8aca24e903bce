using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Maintenance;

/// <summary>
/// Runs <see cref="SavedChartReEncryption"/> once, shortly after start, when <c>ENCRYPTION_OLD_KEYS</c> lists a key.
/// A failure is logged and the service carries on; the pass runs again at the next start.
/// </summary>
public sealed partial class SavedChartReEncryptionWorker(
    SavedChartReEncryption reEncryption,
    FieldEncryptor encryptor,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<SavedChartReEncryptionWorker> logger) : BackgroundService
{
    /// <summary>How long after start the pass waits, so it does not compete with start-up; default 10 seconds.</summary>
    public const string DelaySetting = "Charts:ReEncryptionDelay";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (encryptor.Keys.All.Count < 2)
        {
            return; // Nothing can be under another key that this service could still read.
        }

        try
        {
            await Task.Delay(configuration.GetValue(DelaySetting, TimeSpan.FromSeconds(10)), time, stoppingToken).ConfigureAwait(false);
            await reEncryption.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start walks the store again and skips what is already done.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error,
        Message = "Saved-chart re-encryption failed; charts not yet rewritten stay readable only with ENCRYPTION_OLD_KEYS until the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
