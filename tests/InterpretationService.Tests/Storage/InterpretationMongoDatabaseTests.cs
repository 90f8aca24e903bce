using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.InterpretationService.Storage;
using ZodiaCore.InterpretationService.Storage.Mongo;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.InterpretationService.Tests.Storage;

/// <summary>Index upkeep against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class InterpretationMongoDatabaseTests
{
    [Fact]
    public async Task A_database_made_by_an_earlier_version_gets_the_newest_first_index_in_place_of_the_ones_it_replaces()
    {
        await using var mongo = MongoTestDatabase.TryCreate("zodiacore_interpretation_indexes_");
        Assert.SkipWhen(mongo is null, MongoTestDatabase.SkipReason);
        var keys = Builders<BsonDocument>.IndexKeys;
        await mongo.CreateIndexAsync(StoredNames.Name, "createdAt", keys.Descending("createdAt"));
        await mongo.CreateIndexAsync(StoredNames.Name, "userId_createdAt", keys.Ascending("userId").Descending("createdAt"));
        await mongo.CreateIndexAsync(StoredNames.Name, "userId_askKey", keys.Ascending("userId").Ascending("askKey"));
        var database = new InterpretationMongoDatabase(mongo.Database);
        await database.Interpretations.InsertOneAsync(new BsonDocument { ["_id"] = "r1", ["userId"] = "u1", ["createdAt"] = DateTime.UtcNow },
            cancellationToken: TestContext.Current.CancellationToken);

        await database.EnsureIndexesAsync();
        // A second instance starting on the same database finds nothing left to drop.
        await new InterpretationMongoDatabase(mongo.Database).EnsureIndexesAsync();

        Assert.Equal(["_id_", InterpretationMongoDatabase.NewestFirstIndex], await mongo.IndexNamesAsync(StoredNames.Name));
        Assert.Equal(1, await database.Interpretations.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: TestContext.Current.CancellationToken));
    }
}
