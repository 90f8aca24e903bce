using LiteDB;
using static ZodiaCore.IdentityService.Storage.LiteDb.IdentityLiteDatabase;

namespace ZodiaCore.IdentityService.Storage.LiteDb;

public sealed class LiteDbSigningKeyStore(IdentityLiteDatabase db) : ISigningKeyStore
{
    public Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<SigningKeyRecord> keys = db.SigningKeys.FindAll().Select(FromDocument).ToArray();
        return Task.FromResult(keys);
    }

    public Task InsertAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        db.SigningKeys.Insert(ToDocument(key));
        return Task.CompletedTask;
    }

    public Task ReplaceAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        db.SigningKeys.Update(ToDocument(key));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string keyId, CancellationToken cancellationToken)
    {
        db.SigningKeys.Delete(keyId);
        return Task.CompletedTask;
    }

    private static BsonDocument ToDocument(SigningKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new BsonDocument
        {
            ["_id"] = key.KeyId,
            ["privateKey"] = key.PrivateKeyCiphertext,
            ["createdAt"] = Date(key.CreatedAt),
            ["activatesAt"] = Date(key.ActivatesAt),
        };
    }

    private static SigningKeyRecord FromDocument(BsonDocument doc) => new()
    {
        KeyId = doc["_id"].AsString,
        PrivateKeyCiphertext = doc["privateKey"].AsBinary,
        CreatedAt = ReadDate(doc["createdAt"]) ?? DateTimeOffset.MinValue,
        ActivatesAt = ReadDate(doc["activatesAt"]) ?? DateTimeOffset.MinValue,
    };
}
