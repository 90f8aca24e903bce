using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Storage.Mongo;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.IdentityService.Tests.Storage;

/// <summary>Index upkeep against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class IdentityMongoDatabaseTests
{
    [Fact]
    public async Task A_database_made_by_an_earlier_version_lists_accounts_by_an_index_that_includes_the_tie_break()
    {
        await using var mongo = MongoTestDatabase.TryCreate("zodiacore_identity_indexes_");
        Assert.SkipWhen(mongo is null, MongoTestDatabase.SkipReason);
        await mongo.CreateIndexAsync(Collections.Users, "createdAt", Builders<BsonDocument>.IndexKeys.Descending("createdAt"));

        await new IdentityMongoDatabase(mongo.Database).EnsureIndexesAsync();
        await new IdentityMongoDatabase(mongo.Database).EnsureIndexesAsync();

        var names = await mongo.IndexNamesAsync(Collections.Users);
        Assert.Contains(IdentityMongoDatabase.NewestFirstIndex, names);
        Assert.DoesNotContain("createdAt", names);
    }
}
