using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.IdentityService.Storage.Mongo;

/// <summary>The identity database in MongoDB; creates the indexes once, on first use.</summary>
public sealed class IdentityMongoDatabase
{
    public const string DefaultDatabaseName = "identity";

    public const string NewestFirstIndex = "createdAt_id";

    private readonly Lazy<Task> _indexes;

    public IdentityMongoDatabase(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Users = Database.GetCollection<BsonDocument>(Collections.Users);
        RefreshTokens = Database.GetCollection<BsonDocument>(Collections.RefreshTokens);
        SigningKeys = Database.GetCollection<BsonDocument>(Collections.SigningKeys);
        _indexes = new Lazy<Task>(CreateIndexesAsync);
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<BsonDocument> Users { get; }

    public IMongoCollection<BsonDocument> RefreshTokens { get; }

    public IMongoCollection<BsonDocument> SigningKeys { get; }

    public Task EnsureIndexesAsync() => _indexes.Value;

    private async Task CreateIndexesAsync()
    {
        var users = Builders<BsonDocument>.IndexKeys;
        await Users.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(users.Ascending("emailHash"), new CreateIndexOptions { Unique = true, Name = "emailHash_unique" }),
            // The admin list, newest first: ties by id are in the index too, so no page sorts every account in memory.
            new CreateIndexModel<BsonDocument>(users.Descending("createdAt").Descending("_id"), new CreateIndexOptions { Name = NewestFirstIndex }),
            new CreateIndexModel<BsonDocument>(users.Descending("lastLogin"), new CreateIndexOptions { Name = "lastLogin" }),
            new CreateIndexModel<BsonDocument>(users.Ascending("deletionRequestedAt"), new CreateIndexOptions { Name = "deletionRequestedAt", Sparse = true }),
        ]).ConfigureAwait(false);

        // Deployments made before 2026-11-28 have createdAt alone, which the index above replaces.
        await MongoIndexes.DropObsoleteAsync(Users, "createdAt").ConfigureAwait(false);

        var tokens = Builders<BsonDocument>.IndexKeys;
        await RefreshTokens.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(tokens.Ascending("userId"), new CreateIndexOptions { Name = "userId" }),
            new CreateIndexModel<BsonDocument>(tokens.Ascending("familyId"), new CreateIndexOptions { Name = "familyId" }),
            new CreateIndexModel<BsonDocument>(tokens.Ascending("expiresAt"), new CreateIndexOptions { Name = "expiresAt" }),
        ]).ConfigureAwait(false);
    }

    internal static BsonValue Date(DateTimeOffset? value) =>
        value is { } v ? new BsonDateTime(v.UtcDateTime) : BsonNull.Value;

    internal static DateTimeOffset? ReadDate(BsonValue value) =>
        value.IsBsonNull ? null : new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero);

    internal static BsonValue Bytes(byte[]? value) => value is null ? BsonNull.Value : new BsonBinaryData(value);
}
