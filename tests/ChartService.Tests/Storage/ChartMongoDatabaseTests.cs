using MongoDB.Bson;
using ZodiaCore.ChartService.Storage.Mongo;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ChartService.Tests.Storage;

/// <summary>Index upkeep against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class ChartMongoDatabaseTests
{
    [Fact]
    public async Task A_database_made_by_an_earlier_version_gets_the_newest_first_index_in_place_of_the_two_it_replaces()
    {
        await using var mongo = MongoTestDatabase.TryCreate("zodiacore_chart_indexes_");
        Assert.SkipWhen(mongo is null, MongoTestDatabase.SkipReason);
        var keys = MongoDB.Driver.Builders<BsonDocument>.IndexKeys;
        await mongo.CreateIndexAsync(ChartMongoDatabase.CollectionName, "userId", keys.Ascending("userId"));
        await mongo.CreateIndexAsync(ChartMongoDatabase.CollectionName, "createdAt", keys.Descending("createdAt"));

        await new ChartMongoDatabase(mongo.Database).EnsureIndexesAsync();
        await new ChartMongoDatabase(mongo.Database).EnsureIndexesAsync();

        Assert.Equal(["_id_", ChartMongoDatabase.NewestFirstIndex], await mongo.IndexNamesAsync(ChartMongoDatabase.CollectionName));
    }
}
