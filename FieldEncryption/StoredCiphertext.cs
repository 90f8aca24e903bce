namespace ZodiaCore.FieldEncryption;

/// <summary>One encrypted field as a store holds it, with the id of its record (bound into the ciphertext).</summary>
public sealed record StoredCiphertext(string Id, byte[] Ciphertext);

/// <summary>What one re-encryption pass did; counts and a key id only, never content.</summary>
public sealed record ReEncryptionReport(string CurrentKeyId, int Scanned, int Rewritten, int Unreadable);
