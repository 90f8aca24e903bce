using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.InterpretationService.Storage;
using ZodiaCore.InterpretationService.Storage.Mongo;

namespace ZodiaCore.InterpretationService.Tests.Storage;

/// <summary>Index upkeep against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class InterpretationMongoDatabaseTests : IAsyncLifetime
{
    private MongoClient? client;
    private string databaseName = "";

    public ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(MongoInterpretationStoreTests.ConnectionSetting);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            client = new MongoClient(connectionString);
            databaseName = "zodiacore_interpretation_indexes_" + Guid.NewGuid().ToString("N")[..12];
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_database_made_with_the_unused_createdAt_index_loses_it_and_keeps_its_records()
    {
        Assert.SkipWhen(client is null, $"Set {MongoInterpretationStoreTests.ConnectionSetting} to a MongoDB connection string to run the MongoDB index tests.");
        var ct = TestContext.Current.CancellationToken;
        var old = client.GetDatabase(databaseName).GetCollection<BsonDocument>(StoredNames.Name);
        await old.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            Builders<BsonDocument>.IndexKeys.Descending("createdAt"), new CreateIndexOptions { Name = InterpretationMongoDatabase.ObsoleteCreatedAtIndex }),
            cancellationToken: ct);
        await old.InsertOneAsync(new BsonDocument { ["_id"] = "r1", ["userId"] = "u1", ["createdAt"] = DateTime.UtcNow }, cancellationToken: ct);

        var database = new InterpretationMongoDatabase(client.GetDatabase(databaseName));
        await database.EnsureIndexesAsync();
        // A second instance starting on the same database finds nothing left to drop.
        await new InterpretationMongoDatabase(client.GetDatabase(databaseName)).EnsureIndexesAsync();

        Assert.Equal(["_id_", "userId_askKey", "userId_createdAt"], await IndexNamesAsync(database.Interpretations));
        Assert.Equal(1, await database.Interpretations.CountDocumentsAsync(Builders<BsonDocument>.Filter.Eq("_id", "r1"), cancellationToken: ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DropDatabaseAsync(databaseName);
            client.Dispose();
        }
    }

    private static async Task<string[]> IndexNamesAsync(IMongoCollection<BsonDocument> collection)
    {
        using var cursor = await collection.Indexes.ListAsync();
        return (await cursor.ToListAsync()).Select(index => index["name"].AsString).Order(StringComparer.Ordinal).ToArray();
    }
}
