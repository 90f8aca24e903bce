using MongoDB.Bson;
using MongoDB.Driver;
using static ZodiaCore.IdentityService.Storage.Mongo.IdentityMongoDatabase;

namespace ZodiaCore.IdentityService.Storage.Mongo;

public sealed class MongoRefreshTokenStore(IdentityMongoDatabase db) : IRefreshTokenStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public async Task InsertAsync(RefreshTokenRecord token, CancellationToken cancellationToken)
    {
        await db.EnsureIndexesAsync().ConfigureAwait(false);
        await db.RefreshTokens.InsertOneAsync(ToDocument(token), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var doc = await db.RefreshTokens.Find(Filter.Eq("_id", tokenHash)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<bool> TryConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One conditional update: of two concurrent refreshes with the same token only one matches.
        var result = await db.RefreshTokens.UpdateOneAsync(
            Filter.And(Filter.Eq("_id", tokenHash), Active(now)),
            Builders<BsonDocument>.Update.Set("consumedAt", Date(now)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.ModifiedCount == 1;
    }

    public async Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Revoke(Filter.Eq("familyId", familyId), now, cancellationToken).ConfigureAwait(false);

    public async Task<int> RevokeAllForUserAsync(string userId, string? exceptFamilyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var scope = exceptFamilyId is null
            ? Filter.Eq("userId", userId)
            : Filter.And(Filter.Eq("userId", userId), Filter.Ne("familyId", exceptFamilyId));
        return await Revoke(scope, now, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await db.RefreshTokens.DeleteManyAsync(Filter.Eq("userId", userId), cancellationToken).ConfigureAwait(false);
        return (int)result.DeletedCount;
    }

    public Task<long> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        db.RefreshTokens.CountDocumentsAsync(Active(now), cancellationToken: cancellationToken);

    public async Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var result = await db.RefreshTokens.DeleteManyAsync(Filter.Lt("expiresAt", Date(cutoff)), cancellationToken).ConfigureAwait(false);
        return (int)result.DeletedCount;
    }

    private static FilterDefinition<BsonDocument> Active(DateTimeOffset now) => Filter.And(
        Filter.Eq("consumedAt", BsonNull.Value),
        Filter.Eq("revokedAt", BsonNull.Value),
        Filter.Gt("expiresAt", Date(now)));

    private async Task<int> Revoke(FilterDefinition<BsonDocument> scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await db.RefreshTokens.UpdateManyAsync(
            Filter.And(scope, Filter.Eq("revokedAt", BsonNull.Value)),
            Builders<BsonDocument>.Update.Set("revokedAt", Date(now)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return (int)result.ModifiedCount;
    }

    private static BsonDocument ToDocument(RefreshTokenRecord token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new BsonDocument
        {
            ["_id"] = token.TokenHash,
            ["userId"] = token.UserId,
            ["familyId"] = token.FamilyId,
            ["createdAt"] = Date(token.CreatedAt),
            ["expiresAt"] = Date(token.ExpiresAt),
            ["consumedAt"] = Date(token.ConsumedAt),
            ["revokedAt"] = Date(token.RevokedAt),
        };
    }

    private static RefreshTokenRecord FromDocument(BsonDocument doc) => new()
    {
        TokenHash = doc["_id"].AsString,
        UserId = doc["userId"].AsString,
        FamilyId = doc["familyId"].AsString,
        CreatedAt = ReadDate(doc["createdAt"]) ?? DateTimeOffset.MinValue,
        ExpiresAt = ReadDate(doc["expiresAt"]) ?? DateTimeOffset.MinValue,
        ConsumedAt = ReadDate(doc["consumedAt"]),
        RevokedAt = ReadDate(doc["revokedAt"]),
    };
}
