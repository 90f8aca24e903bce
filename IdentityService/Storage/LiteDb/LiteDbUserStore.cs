using LiteDB;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.IdentityService.Accounts;
using static ZodiaCore.IdentityService.Storage.LiteDb.IdentityLiteDatabase;

namespace ZodiaCore.IdentityService.Storage.LiteDb;

public sealed class LiteDbUserStore(IdentityLiteDatabase db) : IUserStore
{
    public Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            db.Users.Insert(ToDocument(user));
            return Task.FromResult(true);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
    }

    public Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Users.FindById(id) is { } doc ? FromDocument(doc) : null);

    public Task<UserAccount?> FindByEmailHashAsync(IReadOnlyList<string> emailHashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emailHashes);
        var doc = db.Users.FindOne(Query.In("emailHash", new BsonArray(emailHashes.Select(h => new BsonValue(h)))));
        return Task.FromResult(doc is null ? null : FromDocument(doc));
    }

    public Task<bool> ReplaceAsync(UserAccount user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (db.WriteLock)
        {
            if (db.Users.FindById(user.Id) is not { } stored || VersionOf(stored) != user.Version)
            {
                return Task.FromResult(false);
            }

            try
            {
                return Task.FromResult(db.Users.Update(ToDocument(user with { Version = user.Version + 1 })));
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return Task.FromResult(false);
            }
        }
    }

    public Task<int> IncrementFailedLoginsAsync(string id, CancellationToken cancellationToken)
    {
        lock (db.WriteLock)
        {
            var doc = db.Users.FindById(id);
            if (doc is null)
            {
                return Task.FromResult(0);
            }

            var count = doc["failedLoginCount"].AsInt32 + 1;
            doc["failedLoginCount"] = count;
            Update(doc);
            return Task.FromResult(count);
        }
    }

    public Task<bool> ChangePasswordHashAsync(string id, string expectedHash, string newHash, CancellationToken cancellationToken)
    {
        lock (db.WriteLock)
        {
            var doc = db.Users.FindById(id);
            if (doc is null || doc["passwordHash"].AsString != expectedHash)
            {
                return Task.FromResult(false);
            }

            doc["passwordHash"] = newHash;
            return Task.FromResult(Update(doc));
        }
    }

    public Task SetTemporaryLockAsync(string id, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (db.WriteLock)
        {
            if (db.Users.FindById(id) is { } doc)
            {
                doc["lockedUntil"] = Date(until);
                doc["failedLoginCount"] = 0;
                Update(doc);
            }

            return Task.CompletedTask;
        }
    }

    public Task<UserAccount?> RecordLoginAsync(string id, DateTimeOffset at, string? rehashedPassword, CancellationToken cancellationToken)
    {
        lock (db.WriteLock)
        {
            var doc = db.Users.FindById(id);
            if (doc is null)
            {
                return Task.FromResult<UserAccount?>(null);
            }

            doc["failedLoginCount"] = 0;
            doc["lockedUntil"] = BsonValue.Null;
            doc["lastLogin"] = Date(at);
            if (rehashedPassword is not null)
            {
                doc["passwordHash"] = rehashedPassword;
            }

            Update(doc);
            return Task.FromResult<UserAccount?>(FromDocument(doc));
        }
    }

    public Task<PagedResult<UserAccount>> ListAsync(int page, int pageSize, IReadOnlyList<string>? emailHashes, CancellationToken cancellationToken)
    {
        var query = db.Users.Query();
        if (emailHashes is not null)
        {
            query = query.Where(Query.In("emailHash", new BsonArray(emailHashes.Select(h => new BsonValue(h)))));
        }

        var total = query.Count();
        var items = query
            .OrderByDescending(LiteDbOrder.NewestFirst)
            .Skip(Paging.Skip(page, pageSize))
            .Limit(pageSize)
            .ToList()
            .Select(FromDocument)
            .ToArray();
        return Task.FromResult(new PagedResult<UserAccount>(items, page, pageSize, total));
    }

    public Task<IReadOnlyList<UserAccount>> ListPendingDeletionAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<UserAccount> items = db.Users.Find(Query.Not("deletionRequestedAt", BsonValue.Null)).Select(FromDocument).ToArray();
        return Task.FromResult(items);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(db.Users.Delete(id));

    /// <summary>Writes a document read under the write lock, raising its version. Call only under that lock.</summary>
    private bool Update(BsonDocument doc)
    {
        doc["version"] = VersionOf(doc) + 1;
        return db.Users.Update(doc);
    }

    // Accounts stored before versions existed have no field: they are at version 0.
    private static long VersionOf(BsonDocument doc) => doc["version"].IsNull ? 0 : doc["version"].AsInt64;

    private static BsonDocument ToDocument(UserAccount user) => new()
    {
        ["_id"] = user.Id,
        ["emailHash"] = user.EmailHash,
        ["email"] = user.EmailCiphertext,
        ["displayName"] = user.DisplayName,
        ["passwordHash"] = user.PasswordHash,
        ["roles"] = new BsonArray(user.Roles.Select(r => new BsonValue(r))),
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

    private static UserAccount FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        EmailHash = doc["emailHash"].AsString,
        EmailCiphertext = doc["email"].AsBinary,
        DisplayName = doc["displayName"].AsString,
        PasswordHash = doc["passwordHash"].AsString,
        Roles = doc["roles"].AsArray.Select(r => r.AsString).ToArray(),
        CreatedAt = ReadDate(doc["createdAt"]) ?? DateTimeOffset.MinValue,
        LastLogin = ReadDate(doc["lastLogin"]),
        FailedLoginCount = doc["failedLoginCount"].AsInt32,
        LockedUntil = ReadDate(doc["lockedUntil"]),
        LockedByAdmin = doc["lockedByAdmin"].AsBoolean,
        BirthCiphertext = doc["birth"].IsNull ? null : doc["birth"].AsBinary,
        LocationCiphertext = doc["location"].IsNull ? null : doc["location"].AsBinary,
        DeletionRequestedAt = ReadDate(doc["deletionRequestedAt"]),
        Version = VersionOf(doc),
    };
}
