using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.FieldEncryption;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>
/// The token-signing keys: from configuration (production) or generated into the store (development).
/// A generated successor is published <see cref="IdentityTokenOptions.SigningKeyPublishLead"/> before it signs,
/// and a superseded key stays published until every token it signed has expired.
/// </summary>
public sealed partial class SigningKeyRing(
    ISigningKeyStore store,
    FieldEncryptor encryptor,
    ConfiguredSigningKeys configured,
    IOptions<IdentityTokenOptions> options,
    TimeProvider time,
    ILogger<SigningKeyRing> logger) : IDisposable
{
    internal const string PrivateKeyField = "privateKey";
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly IdentityTokenOptions _options = options.Value;
    private volatile Snapshot? _snapshot;

    /// <summary>The key that signs now.</summary>
    public async ValueTask<SigningKey> GetSigningKeyAsync(CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(forceReload: false, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return SelectSigningKey(snapshot.Keys, now)
            ?? throw new InvalidOperationException("No token-signing key is active yet.");
    }

    /// <summary>Public keys to publish in the JWKS and to validate with: pending, current and recently superseded.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> GetPublishedKeysAsync(bool forceReload, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(forceReload, cancellationToken).ConfigureAwait(false);
        return snapshot.Keys.Where(key => IsPublished(key, snapshot, time.GetUtcNow())).ToArray();
    }

    /// <summary>The published public keys as IdentityModel keys.</summary>
    public async ValueTask<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(bool forceReload, CancellationToken cancellationToken) =>
        (await GetPublishedKeysAsync(forceReload, cancellationToken).ConfigureAwait(false)).Select(key => (SecurityKey)key.Public).ToArray();

    /// <summary>Re-reads the store, generating a first key or a successor when due.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _snapshot = configured.Keys.Count > 0
                ? new Snapshot(configured.Keys, time.GetUtcNow(), FromConfiguration: true)
                : new Snapshot(await LoadAndRotateStoredKeysAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow(), FromConfiguration: false);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose() => _reloadLock.Dispose();

    internal static SigningKey? SelectSigningKey(IReadOnlyList<SigningKey> keys, DateTimeOffset now) =>
        keys.Where(key => key.ActivatesAt <= now)
            .OrderByDescending(key => key.ActivatesAt)
            .FirstOrDefault();

    private bool IsPublished(SigningKey key, Snapshot snapshot, DateTimeOffset now)
    {
        if (snapshot.FromConfiguration)
        {
            return true; // Operators remove a configured key once its tokens have expired.
        }

        var supersededAt = snapshot.Keys
            .Where(other => other.ActivatesAt > key.ActivatesAt && other.ActivatesAt <= now)
            .Select(other => (DateTimeOffset?)other.ActivatesAt)
            .Min();
        return supersededAt is null || supersededAt.Value + _options.MaxTokenLifetime + TokenValidation.ClockSkew > now;
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(bool forceReload, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (forceReload || snapshot is null || time.GetUtcNow() - snapshot.LoadedAt > ReloadInterval)
        {
            await ReloadAsync(cancellationToken).ConfigureAwait(false);
            snapshot = _snapshot!;
        }

        return snapshot;
    }

    private async Task<IReadOnlyList<SigningKey>> LoadAndRotateStoredKeysAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = new List<SigningKey>();
        foreach (var record in await store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(Decrypt(record));
        }

        var current = SelectSigningKey(keys, now);
        var hasPending = keys.Any(key => key.ActivatesAt > now);
        if (current is null && !hasPending)
        {
            // First start: nobody can hold a cached JWKS yet, so the first key signs at once.
            keys.Add(await CreateAsync(now, now, cancellationToken).ConfigureAwait(false));
        }
        else if (current is not null && !hasPending && now - current.ActivatesAt >= _options.SigningKeyLifetime)
        {
            keys.Add(await CreateAsync(now, now + _options.SigningKeyPublishLead, cancellationToken).ConfigureAwait(false));
        }

        var snapshot = new Snapshot(keys, now, FromConfiguration: false);
        foreach (var expired in keys.Where(key => !IsPublished(key, snapshot, now)).ToArray())
        {
            await store.DeleteAsync(expired.KeyId, cancellationToken).ConfigureAwait(false);
            keys.Remove(expired);
            LogKeyRemoved(logger, expired.KeyId);
        }

        return keys;
    }

    private async Task<SigningKey> CreateAsync(DateTimeOffset now, DateTimeOffset activatesAt, CancellationToken cancellationToken)
    {
        var rsa = RSA.Create(2048);
        var key = new SigningKey(rsa, activatesAt);
        var pkcs8 = rsa.ExportPkcs8PrivateKey();
        try
        {
            await store.InsertAsync(new SigningKeyRecord
            {
                KeyId = key.KeyId,
                PrivateKeyCiphertext = encryptor.Encrypt(pkcs8, key.KeyId, PrivateKeyField),
                CreatedAt = now,
                ActivatesAt = activatesAt,
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        LogKeyCreated(logger, key.KeyId, activatesAt);
        return key;
    }

    private SigningKey Decrypt(SigningKeyRecord record)
    {
        var pkcs8 = encryptor.Decrypt(record.PrivateKeyCiphertext, record.KeyId, PrivateKeyField);
        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return new SigningKey(rsa, record.ActivatesAt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Generated token-signing key {KeyId}, signing from {ActivatesAt:o}")]
    private static partial void LogKeyCreated(ILogger logger, string keyId, DateTimeOffset activatesAt);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Removed token-signing key {KeyId}: every token it signed has expired")]
    private static partial void LogKeyRemoved(ILogger logger, string keyId);

    private sealed record Snapshot(IReadOnlyList<SigningKey> Keys, DateTimeOffset LoadedAt, bool FromConfiguration);
}
