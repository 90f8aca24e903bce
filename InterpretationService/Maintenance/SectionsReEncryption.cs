using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Maintenance;

/// <summary>
/// Rewrites every stored interpretation's sections under the current <c>ENCRYPTION_KEY</c>, so that the keys in
/// <c>ENCRYPTION_OLD_KEYS</c> can then be removed without losing them. Safe to run repeatedly and on several instances.
/// </summary>
public sealed partial class SectionsReEncryption(
    IInterpretationStore store,
    CiphertextReEncryption reEncryption,
    ILogger<SectionsReEncryption> logger)
{
    public async Task<ReEncryptionReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = await reEncryption.RunAsync(
            StoredNames.SectionsField,
            store.ListSectionsAfterAsync,
            (stored, current, ct) => store.ReplaceSectionsAsync(stored.Id, stored.Ciphertext, current, ct),
            (id, ex) => LogUnreadable(logger, id, ex.Message),
            cancellationToken).ConfigureAwait(false);
        LogReport(logger, report.CurrentKeyId, report.Scanned, report.Rewritten, report.Unreadable);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Re-encryption under key {KeyId}: {Scanned} interpretations scanned, {Rewritten} rewritten, {Unreadable} unreadable")]
    private static partial void LogReport(ILogger logger, string keyId, int scanned, int rewritten, int unreadable);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Interpretation {InterpretationId} could not be re-encrypted and stays as it is: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string interpretationId, string reason);
}
