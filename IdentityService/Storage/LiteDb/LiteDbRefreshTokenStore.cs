using LiteDB;
using static ZodiaCore.IdentityService.Storage.LiteDb.IdentityLiteDatabase;

namespace ZodiaCore.IdentityService.Storage.LiteDb;

public sealed class LiteDbRefreshTokenStore(IdentityLiteDatabase db) : IRefreshTokenStore
{
    public Task InsertAsync(RefreshTokenRecord token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        db.RefreshTokens.Insert(ToDocument(token));
        return Task.CompletedTask;
    }

    public Task<RefreshTokenRecord?> FindAsync(string tokenHash, CancellationToken cancellationToken) =>
        Task.FromResult(db.RefreshTokens.FindById(tokenHash) is { } doc ? FromDocument(doc) : null);

    public Task<bool> TryConsumeAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (db.WriteLock)
        {
            var doc = db.RefreshTokens.FindById(tokenHash);
            if (doc is null || !FromDocument(doc).IsActiveAt(now))
            {
                return Task.FromResult(false);
            }

            doc["consumedAt"] = Date(now);
            return Task.FromResult(db.RefreshTokens.Update(doc));
        }
    }

    public Task<int> RevokeFamilyAsync(string familyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Revoke(Query.EQ("familyId", familyId), now));

    public Task<int> RevokeAllForUserAsync(string userId, string? exceptFamilyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = exceptFamilyId is null
            ? Query.EQ("userId", userId)
            : Query.And(Query.EQ("userId", userId), Query.Not("familyId", exceptFamilyId));
        return Task.FromResult(Revoke(query, now));
    }

    public Task<int> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(db.RefreshTokens.DeleteMany(Query.EQ("userId", userId)));

    public Task<long> CountActiveAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(db.RefreshTokens.LongCount(Query.And(
            Query.EQ("consumedAt", BsonValue.Null),
            Query.EQ("revokedAt", BsonValue.Null),
            Query.GT("expiresAt", Date(now)))));

    public Task<int> DeleteExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(db.RefreshTokens.DeleteMany(Query.LT("expiresAt", Date(cutoff))));

    private int Revoke(BsonExpression scope, DateTimeOffset now)
    {
        lock (db.WriteLock)
        {
            var count = 0;
            foreach (var doc in db.RefreshTokens.Find(Query.And(scope, Query.EQ("revokedAt", BsonValue.Null))).ToList())
            {
                doc["revokedAt"] = Date(now);
                db.RefreshTokens.Update(doc);
                count++;
            }

            return count;
        }
    }

    private static BsonDocument ToDocument(RefreshTokenRecord token) => new()
    {
        ["_id"] = token.TokenHash,
        ["userId"] = token.UserId,
        ["familyId"] = token.FamilyId,
        ["createdAt"] = Date(token.CreatedAt),
        ["expiresAt"] = Date(token.ExpiresAt),
        ["consumedAt"] = Date(token.ConsumedAt),
        ["revokedAt"] = Date(token.RevokedAt),
    };

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
