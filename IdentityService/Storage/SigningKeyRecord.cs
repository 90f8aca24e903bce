namespace ZodiaCore.IdentityService.Storage;

/// <summary>A generated RSA signing key. It is published from creation and signs from <see cref="ActivatesAt"/>.</summary>
public sealed record SigningKeyRecord
{
    /// <summary>RFC 7638 JWK thumbprint of the public key: the <c>kid</c>.</summary>
    public required string KeyId { get; init; }

    /// <summary>PKCS#8 private key, encrypted with the field-encryption key (record = key id, field = privateKey).</summary>
    public required byte[] PrivateKeyCiphertext { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ActivatesAt { get; init; }
}
