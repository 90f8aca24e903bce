using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ChartService.Storage.Mongo;

namespace ZodiaCore.ChartService.Tests.Storage;

/// <summary>Runs the contract against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class MongoSavedChartStoreTests : SavedChartStoreContractTests
{
    public const string ConnectionSetting = "ZODIACORE_TEST_MONGODB";

    private MongoClient? _client;
    private string _databaseName = "";
    private ChartMongoDatabase? _database;

    public override async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionSetting);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        _client = new MongoClient(connectionString);
        _databaseName = "zodiacore_charts_test_" + Guid.NewGuid().ToString("N")[..12];
        _database = new ChartMongoDatabase(_client.GetDatabase(_databaseName));
        await _database.EnsureIndexesAsync();
        Store = new MongoSavedChartStore(_database);
    }

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

    [Fact]
    public async Task The_birthcharts_collection_is_indexed_by_owner_and_by_creation_time_descending()
    {
        BeforeEach();

        var indexes = await (await _database!.BirthCharts.Indexes.ListAsync(Ct)).ToListAsync(Ct);

        var keys = indexes.Select(i => i["key"].AsBsonDocument).ToList();
        Assert.Contains(new BsonDocument("userId", 1), keys);
        Assert.Contains(new BsonDocument("createdAt", -1), keys);
    }
}
