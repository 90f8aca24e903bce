using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.Tests.Shared;

/// <summary>
/// A throwaway database on the MongoDB server named by <see cref="ConnectionSetting"/>, dropped on dispose; linked
/// into each test project with MongoDB tests. Without the setting there is none, and those tests report themselves
/// skipped.
/// </summary>
internal sealed class MongoTestDatabase : IAsyncDisposable
{
    public const string ConnectionSetting = "ZODIACORE_TEST_MONGODB";

    public const string SkipReason = $"Set {ConnectionSetting} to a MongoDB connection string to run the MongoDB tests.";

    private readonly MongoClient client;

    private MongoTestDatabase(MongoClient client, string name)
    {
        this.client = client;
        Database = client.GetDatabase(name);
    }

    public IMongoDatabase Database { get; }

    /// <summary>A new database named <paramref name="prefix"/> and a random suffix, or null when no server is configured.</summary>
    public static MongoTestDatabase? TryCreate(string prefix)
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionSetting);
        return string.IsNullOrWhiteSpace(connectionString)
            ? null
            : new MongoTestDatabase(new MongoClient(connectionString), prefix + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>Creates an index as an earlier version of a service did.</summary>
    public async Task CreateIndexAsync(string collection, string name, IndexKeysDefinition<BsonDocument> keys) =>
        await Database.GetCollection<BsonDocument>(collection).Indexes.CreateOneAsync(
            new CreateIndexModel<BsonDocument>(keys, new CreateIndexOptions { Name = name }));

    /// <summary>The collection's index names in ordinal order.</summary>
    public async Task<string[]> IndexNamesAsync(string collection)
    {
        using var cursor = await Database.GetCollection<BsonDocument>(collection).Indexes.ListAsync();
        return (await cursor.ToListAsync()).Select(index => index["name"].AsString).Order(StringComparer.Ordinal).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await client.DropDatabaseAsync(Database.DatabaseNamespace.DatabaseName);
        client.Dispose();
    }
}
