using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Maintenance;

/// <summary>
/// Re-encrypts stored personal data and signing keys under the current <c>ENCRYPTION_KEY</c>, and rewrites
/// e-mail hashes, so that the keys in <c>ENCRYPTION_OLD_KEYS</c> can then be removed. Safe to run repeatedly.
/// </summary>
public sealed partial class PersonalDataRotation(
    IUserStore users,
    ISigningKeyStore signingKeys,
    PersonalDataProtector protector,
    ILogger<PersonalDataRotation> logger)
{
    private const int PageSize = 100;

    public async Task<RotationReport> RunAsync(CancellationToken cancellationToken)
    {
        var encryptor = protector.Encryptor;
        int scanned = 0, rewritten = 0, skipped = 0, keysRewritten = 0;
        for (var page = 1; ; page++)
        {
            var batch = await users.ListAsync(page, PageSize, null, cancellationToken).ConfigureAwait(false);
            foreach (var user in batch.Items)
            {
                scanned++;
                var update = await users.UpdateAsync(user, ReEncrypted, cancellationToken).ConfigureAwait(false);
                if (update.Outcome == UserUpdateOutcome.Updated)
                {
                    rewritten++;
                }
                else if (update.Outcome == UserUpdateOutcome.Conflict)
                {
                    // Left under its old key, which stays readable; the report says so and the next pass moves it.
                    skipped++;
                }
            }

            if (batch.Items.Count < PageSize)
            {
                break;
            }
        }

        foreach (var key in await signingKeys.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var reEncrypted = encryptor.ReEncrypt(key.PrivateKeyCiphertext, key.KeyId, SigningKeyRing.PrivateKeyField);
            if (!ReferenceEquals(reEncrypted, key.PrivateKeyCiphertext))
            {
                await signingKeys.ReplaceAsync(key with { PrivateKeyCiphertext = reEncrypted }, cancellationToken).ConfigureAwait(false);
                keysRewritten++;
            }
        }

        var report = new RotationReport(encryptor.Keys.Current.IdText, scanned, rewritten, skipped, keysRewritten);
        LogRotated(logger, report.CurrentKeyId, scanned, rewritten, skipped, keysRewritten);
        return report;
    }

    /// <summary>The account with its e-mail hash and ciphertexts under the current key; null when they all are already.</summary>
    private UserAccount? ReEncrypted(UserAccount user)
    {
        var encryptor = protector.Encryptor;
        var updated = user with
        {
            EmailHash = protector.HashEmail(protector.DecryptEmail(user)),
            EmailCiphertext = encryptor.ReEncrypt(user.EmailCiphertext, user.Id, PersonalDataProtector.EmailField),
            BirthCiphertext = user.BirthCiphertext is null ? null
                : encryptor.ReEncrypt(user.BirthCiphertext, user.Id, PersonalDataProtector.BirthField),
            LocationCiphertext = user.LocationCiphertext is null ? null
                : encryptor.ReEncrypt(user.LocationCiphertext, user.Id, PersonalDataProtector.LocationField),
        };
        var unchanged = ReferenceEquals(updated.EmailCiphertext, user.EmailCiphertext) && updated.EmailHash == user.EmailHash
            && ReferenceEquals(updated.BirthCiphertext, user.BirthCiphertext)
            && ReferenceEquals(updated.LocationCiphertext, user.LocationCiphertext);
        return unchanged ? null : updated;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Re-encryption under key {KeyId}: {Scanned} accounts scanned, {Rewritten} rewritten, {Skipped} skipped (changed throughout; run again), {KeysRewritten} signing keys rewritten")]
    private static partial void LogRotated(ILogger logger, string keyId, int scanned, int rewritten, int skipped, int keysRewritten);
}

/// <summary>
/// What a re-encryption pass did. <see cref="UsersSkipped"/> counts accounts other writes kept changing during the
/// pass: they stay under their old key (still readable) until a pass run again rewrites them.
/// </summary>
public sealed record RotationReport(string CurrentKeyId, int UsersScanned, int UsersRewritten, int UsersSkipped, int SigningKeysRewritten);
