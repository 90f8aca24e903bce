using MongoDB.Bson;
using MongoDB.Driver;
using static ZodiaCore.IdentityService.Storage.Mongo.IdentityMongoDatabase;

namespace ZodiaCore.IdentityService.Storage.Mongo;

public sealed class MongoSigningKeyStore(IdentityMongoDatabase db) : ISigningKeyStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public async Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var docs = await db.SigningKeys.Find(Filter.Empty).ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(FromDocument).ToArray();
    }

    public Task InsertAsync(SigningKeyRecord key, CancellationToken cancellationToken) =>
        db.SigningKeys.InsertOneAsync(ToDocument(key), cancellationToken: cancellationToken);

    public Task ReplaceAsync(SigningKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return db.SigningKeys.ReplaceOneAsync(Filter.Eq("_id", key.KeyId), ToDocument(key), cancellationToken: cancellationToken);
    }

    public Task DeleteAsync(string keyId, CancellationToken cancellationToken) =>
        db.SigningKeys.DeleteOneAsync(Filter.Eq("_id", keyId), cancellationToken);

    private static BsonDocument ToDocument(SigningKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new BsonDocument
        {
            ["_id"] = key.KeyId,
            ["privateKey"] = new BsonBinaryData(key.PrivateKeyCiphertext),
            ["createdAt"] = Date(key.CreatedAt),
            ["activatesAt"] = Date(key.ActivatesAt),
        };
    }

    private static SigningKeyRecord FromDocument(BsonDocument doc) => new()
    {
        KeyId = doc["_id"].AsString,
        PrivateKeyCiphertext = doc["privateKey"].AsByteArray,
        CreatedAt = ReadDate(doc["createdAt"]) ?? DateTimeOffset.MinValue,
        ActivatesAt = ReadDate(doc["activatesAt"]) ?? DateTimeOffset.MinValue,
    };
}
