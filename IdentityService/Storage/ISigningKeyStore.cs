namespace ZodiaCore.IdentityService.Storage;

/// <summary>Generated token-signing keys (collection <c>signingKeys</c>), private parts encrypted.</summary>
public interface ISigningKeyStore
{
    Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken);

    Task InsertAsync(SigningKeyRecord key, CancellationToken cancellationToken);

    Task ReplaceAsync(SigningKeyRecord key, CancellationToken cancellationToken);

    Task DeleteAsync(string keyId, CancellationToken cancellationToken);
}
