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
    SavedChartProtector protector,
    FieldEncryptor encryptor,
    ILogger<SavedChartReEncryption> logger)
{
    public const int PageSize = 100;

    public async Task<ReEncryptionReport> RunAsync(CancellationToken cancellationToken)
    {
        int scanned = 0, rewritten = 0, unreadable = 0;
        string? afterId = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await store.ListPayloadsAfterAsync(afterId, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var chart in page)
            {
                scanned++;
                byte[] resealed;
                try
                {
                    resealed = protector.Reseal(chart.Id, chart.Payload);
                }
                catch (FieldDecryptionException ex)
                {
                    // One chart under a removed key or damaged must not keep the others on an old key.
                    unreadable++;
                    LogUnreadable(logger, chart.Id, ex.Message);
                    continue;
                }

                // A chart deleted meanwhile is simply not rewritten.
                if (!ReferenceEquals(resealed, chart.Payload)
                    && await store.ReplacePayloadAsync(chart.Id, chart.Payload, resealed, cancellationToken).ConfigureAwait(false))
                {
                    rewritten++;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            afterId = page[^1].Id;
        }

        var report = new ReEncryptionReport(encryptor.Keys.Current.IdText, scanned, rewritten, unreadable);
        LogReEncrypted(logger, report.CurrentKeyId, scanned, rewritten, unreadable);
        return report;
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information,
        Message = "Saved-chart re-encryption under key {KeyId}: {Scanned} charts scanned, {Rewritten} rewritten, {Unreadable} unreadable")]
    private static partial void LogReEncrypted(ILogger logger, string keyId, int scanned, int rewritten, int unreadable);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning,
        Message = "Saved chart {ChartId} could not be re-encrypted and stays as it is: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string chartId, string reason);
}

/// <summary>What a saved-chart re-encryption pass did.</summary>
public sealed record ReEncryptionReport(string CurrentKeyId, int Scanned, int Rewritten, int Unreadable);
