namespace ZodiaCore.FieldEncryption;

/// <summary>
/// A stored value could not be decrypted: unknown key id, malformed data, or failed authentication
/// (wrong key, tampered bytes, or a ciphertext moved to another record or field).
/// </summary>
public sealed class FieldDecryptionException : Exception
{
    public FieldDecryptionException()
    {
    }

    public FieldDecryptionException(string message) : base(message)
    {
    }

    public FieldDecryptionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
