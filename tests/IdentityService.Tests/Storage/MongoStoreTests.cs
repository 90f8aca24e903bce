using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.IdentityService.Storage.Mongo;

namespace ZodiaCore.IdentityService.Tests.Storage;

/// <summary>Runs the contract against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class MongoStoreTests : StoreContractTests
{
    public const string ConnectionSetting = "ZODIACORE_TEST_MONGODB";

    private MongoClient? _client;
    private IdentityMongoDatabase? _database;
    private string _databaseName = "";

    public override async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionSetting);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        _client = new MongoClient(connectionString);
        _databaseName = "zodiacore_identity_test_" + Guid.NewGuid().ToString("N")[..12];
        var database = _database = new IdentityMongoDatabase(_client.GetDatabase(_databaseName));
        await database.EnsureIndexesAsync();
        Users = new MongoUserStore(database);
        Tokens = new MongoRefreshTokenStore(database);
        Keys = new MongoSigningKeyStore(database);
    }

    protected override Task RemoveVersionFieldAsync(string id) =>
        _database!.Users.UpdateOneAsync(Builders<BsonDocument>.Filter.Eq("_id", id), Builders<BsonDocument>.Update.Unset("version"));

    public override async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DropDatabaseAsync(_databaseName);
            _client.Dispose();
        }
    }

    // Every contract test first asks whether a server was given; without one it is skipped, never passed.
    protected override void BeforeEach() =>
        Assert.SkipWhen(_client is null, $"Set {ConnectionSetting} to a MongoDB connection string to run the MongoDB store contract.");
}
