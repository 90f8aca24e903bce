using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Maintenance;

/// <summary>
/// Re-encrypts the payload of every saved chart, of every user, under the current <c>ENCRYPTION_KEY</c>, so that the
/// keys in <c>ENCRYPTION_OLD_KEYS</c> can then be removed. Safe to run repeatedly and alongside the API.
/// </summary>
public sealed partial class SavedChartReEncryption(
    ISavedChartStore store,
    CiphertextReEncryption reEncryption,
    ILogger<SavedChartReEncryption> logger)
{
    public async Task<ReEncryptionReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = await reEncryption.RunAsync(
            SavedChartProtector.PayloadField,
            store.ListPayloadsAfterAsync,
            (stored, current, ct) => store.ReplacePayloadAsync(stored.Id, stored.Ciphertext, current, ct),
            (id, ex) => LogUnreadable(logger, id, ex.Message),
            cancellationToken).ConfigureAwait(false);
        LogReEncrypted(logger, report.CurrentKeyId, report.Scanned, report.Rewritten, report.Unreadable);
        return report;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information,
        Message = "Saved-chart re-encryption under key {KeyId}: {Scanned} charts scanned, {Rewritten} rewritten, {Unreadable} unreadable")]
    private static partial void LogReEncrypted(ILogger logger, string keyId, int scanned, int rewritten, int unreadable);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning,
        Message = "Saved chart {ChartId} could not be re-encrypted and stays as it is: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string chartId, string reason);
}
