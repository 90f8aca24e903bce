using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Maintenance;

/// <summary>
/// Rewrites every stored interpretation's sections under the current <c>ENCRYPTION_KEY</c>, so that the keys in
/// <c>ENCRYPTION_OLD_KEYS</c> can then be removed without losing them. Safe to run repeatedly and on several instances.
/// </summary>
public sealed partial class SectionsReEncryption(
    IInterpretationStore store,
    FieldEncryptor encryptor,
    ILogger<SectionsReEncryption> logger)
{
    public const int PageSize = 100;

    public async Task<ReEncryptionReport> RunAsync(CancellationToken cancellationToken)
    {
        int scanned = 0, rewritten = 0, unreadable = 0;
        string? lastId = null;
        while (true)
        {
            var page = await store.ListSectionsAfterAsync(lastId, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scanned++;
                byte[] current;
                try
                {
                    current = encryptor.ReEncrypt(stored.Ciphertext, stored.Id, StoredNames.SectionsField);
                }
                catch (FieldDecryptionException ex)
                {
                    // One record under a key nobody configured any more must not keep the others on the old key.
                    unreadable++;
                    LogUnreadable(logger, stored.Id, ex.Message);
                    continue;
                }

                // A record deleted or rewritten since it was read is left as it now is.
                if (!ReferenceEquals(current, stored.Ciphertext)
                    && await store.ReplaceSectionsAsync(stored.Id, stored.Ciphertext, current, cancellationToken).ConfigureAwait(false))
                {
                    rewritten++;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }

            lastId = page[^1].Id;
        }

        var report = new ReEncryptionReport(encryptor.Keys.Current.IdText, scanned, rewritten, unreadable);
        LogReport(logger, report.CurrentKeyId, scanned, rewritten, unreadable);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Re-encryption under key {KeyId}: {Scanned} interpretations scanned, {Rewritten} rewritten, {Unreadable} unreadable")]
    private static partial void LogReport(ILogger logger, string keyId, int scanned, int rewritten, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Interpretation {InterpretationId} could not be re-encrypted and stays as it is: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string interpretationId, string reason);
}
