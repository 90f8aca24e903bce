namespace ZodiaCore.FieldEncryption;

/// <summary>
/// One pass over a store's ciphertexts of one field, in pages by record id, rewriting those under an old key with the
/// current <c>ENCRYPTION_KEY</c>, so the keys in <c>ENCRYPTION_OLD_KEYS</c> can then be removed. The store supplies the
/// paging and a conditional replace; safe to run repeatedly and on several instances at once.
/// </summary>
public sealed class CiphertextReEncryption(FieldEncryptor encryptor)
{
    public const int PageSize = 100;

    /// <param name="fieldName">The field name bound into the ciphertexts (with each record's id).</param>
    /// <param name="listAfter">The next page of ciphertexts in id order after an id (null: from the start).</param>
    /// <param name="replace">Writes the new ciphertext only if the record still holds the old one; false when it did not.</param>
    /// <param name="unreadable">Told of each record that could not be decrypted with any configured key; it stays as it is.</param>
    /// <param name="cancellationToken">Stops the pass between records; the next pass starts again and skips what is done.</param>
    public async Task<ReEncryptionReport> RunAsync(
        string fieldName,
        Func<string?, int, CancellationToken, Task<IReadOnlyList<StoredCiphertext>>> listAfter,
        Func<StoredCiphertext, byte[], CancellationToken, Task<bool>> replace,
        Action<string, FieldDecryptionException> unreadable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listAfter);
        ArgumentNullException.ThrowIfNull(replace);
        ArgumentNullException.ThrowIfNull(unreadable);
        int scanned = 0, rewritten = 0, failed = 0;
        string? afterId = null;
        while (true)
        {
            var page = await listAfter(afterId, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                scanned++;
                byte[] current;
                try
                {
                    current = encryptor.ReEncrypt(stored.Ciphertext, stored.Id, fieldName);
                }
                catch (FieldDecryptionException ex)
                {
                    // One record under a key nobody configures any more must not keep the others on an old key.
                    failed++;
                    unreadable(stored.Id, ex);
                    continue;
                }

                // ReEncrypt hands back the same array when the key is already current; a record deleted or rewritten
                // since it was read is left as it now is.
                if (!ReferenceEquals(current, stored.Ciphertext) && await replace(stored, current, cancellationToken).ConfigureAwait(false))
                {
                    rewritten++;
                }
            }

            if (page.Count < PageSize)
            {
                return new ReEncryptionReport(encryptor.Keys.Current.IdText, scanned, rewritten, failed);
            }

            afterId = page[^1].Id;
        }
    }
}
