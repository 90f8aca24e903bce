using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.IdentityService.Accounts;
using static ZodiaCore.IdentityService.Storage.Mongo.IdentityMongoDatabase;

namespace ZodiaCore.IdentityService.Storage.Mongo;

public sealed class MongoUserStore(IdentityMongoDatabase db) : IUserStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;

    public async Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await db.EnsureIndexesAsync().ConfigureAwait(false);
        try
        {
            await db.Users.InsertOneAsync(ToDocument(user), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        var doc = await db.Users.Find(Filter.Eq("_id", id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<UserAccount?> FindByEmailHashAsync(IReadOnlyList<string> emailHashes, CancellationToken cancellationToken)
    {
        var doc = await db.Users.Find(Filter.In("emailHash", emailHashes)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<bool> ReplaceAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            var result = await db.Users.ReplaceOneAsync(
                Filter.And(Filter.Eq("_id", user.Id), AtVersion(user.Version)),
                ToDocument(user with { Version = user.Version + 1 }),
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.MatchedCount == 1;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<int> IncrementFailedLoginsAsync(string id, CancellationToken cancellationToken)
    {
        var doc = await db.Users.FindOneAndUpdateAsync(
            Filter.Eq("_id", id),
            Builders<BsonDocument>.Update.Inc("failedLoginCount", 1).Inc("version", 1L),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken).ConfigureAwait(false);
        return doc is null ? 0 : doc["failedLoginCount"].AsInt32;
    }

    public async Task<bool> ChangePasswordHashAsync(string id, string expectedHash, string newHash, CancellationToken cancellationToken)
    {
        var result = await db.Users.UpdateOneAsync(
            Filter.And(Filter.Eq("_id", id), Filter.Eq("passwordHash", expectedHash)),
            Builders<BsonDocument>.Update.Set("passwordHash", newHash).Inc("version", 1L),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.MatchedCount == 1;
    }

    public Task SetTemporaryLockAsync(string id, DateTimeOffset until, CancellationToken cancellationToken) =>
        db.Users.UpdateOneAsync(Filter.Eq("_id", id),
            Builders<BsonDocument>.Update.Set("lockedUntil", Date(until)).Set("failedLoginCount", 0).Inc("version", 1L),
            cancellationToken: cancellationToken);

    public async Task<UserAccount?> RecordLoginAsync(string id, DateTimeOffset at, string? rehashedPassword, CancellationToken cancellationToken)
    {
        var update = Builders<BsonDocument>.Update.Set("failedLoginCount", 0).Set("lockedUntil", BsonNull.Value).Set("lastLogin", Date(at))
            .Inc("version", 1L);
        if (rehashedPassword is not null)
        {
            update = update.Set("passwordHash", rehashedPassword);
        }

        var doc = await db.Users.FindOneAndUpdateAsync(Filter.Eq("_id", id), update,
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<PagedResult<UserAccount>> ListAsync(int page, int pageSize, IReadOnlyList<string>? emailHashes, CancellationToken cancellationToken)
    {
        var filter = emailHashes is null ? Filter.Empty : Filter.In("emailHash", emailHashes);
        var total = await db.Users.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var docs = await db.Users.Find(filter)
            .Sort(Builders<BsonDocument>.Sort.Descending("createdAt").Descending("_id"))
            .Skip(Paging.Skip(page, pageSize))
            .Limit(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<UserAccount>(docs.Select(FromDocument).ToArray(), page, pageSize, total);
    }

    public async Task<IReadOnlyList<UserAccount>> ListPendingDeletionAsync(CancellationToken cancellationToken)
    {
        var docs = await db.Users.Find(Filter.Ne("deletionRequestedAt", BsonNull.Value))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(FromDocument).ToArray();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var result = await db.Users.DeleteOneAsync(Filter.Eq("_id", id), cancellationToken).ConfigureAwait(false);
        return result.DeletedCount == 1;
    }

    // Accounts stored before versions existed have no field: they are at version 0 ($inc starts a missing field at 0 too).
    private static FilterDefinition<BsonDocument> AtVersion(long version) =>
        version == 0 ? Filter.Or(Filter.Eq("version", 0L), Filter.Exists("version", false)) : Filter.Eq("version", version);

    private static BsonDocument ToDocument(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new BsonDocument
        {
            ["_id"] = user.Id,
            ["emailHash"] = user.EmailHash,
            ["email"] = new BsonBinaryData(user.EmailCiphertext),
            ["displayName"] = user.DisplayName,
            ["passwordHash"] = user.PasswordHash,
            ["roles"] = new BsonArray(user.Roles),
            ["createdAt"] = Date(user.CreatedAt),
            ["lastLogin"] = Date(user.LastLogin),
            ["failedLoginCount"] = user.FailedLoginCount,
            ["lockedUntil"] = Date(user.LockedUntil),
            ["lockedByAdmin"] = user.LockedByAdmin,
            ["birth"] = Bytes(user.BirthCiphertext),
            ["location"] = Bytes(user.LocationCiphertext),
            ["deletionRequestedAt"] = Date(user.DeletionRequestedAt),
            ["version"] = user.Version,
        };
    }

    private static UserAccount FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        EmailHash = doc["emailHash"].AsString,
        EmailCiphertext = doc["email"].AsByteArray,
        DisplayName = doc["displayName"].AsString,
        PasswordHash = doc["passwordHash"].AsString,
        Roles = doc["roles"].AsBsonArray.Select(r => r.AsString).ToArray(),
        CreatedAt = ReadDate(doc["createdAt"]) ?? DateTimeOffset.MinValue,
        LastLogin = ReadDate(doc["lastLogin"]),
        FailedLoginCount = doc["failedLoginCount"].AsInt32,
        LockedUntil = ReadDate(doc["lockedUntil"]),
        LockedByAdmin = doc["lockedByAdmin"].AsBoolean,
        BirthCiphertext = doc["birth"].IsBsonNull ? null : doc["birth"].AsByteArray,
        LocationCiphertext = doc["location"].IsBsonNull ? null : doc["location"].AsByteArray,
        DeletionRequestedAt = ReadDate(doc["deletionRequestedAt"]),
        Version = doc.GetValue("version", 0L).ToInt64(),
    };
}
