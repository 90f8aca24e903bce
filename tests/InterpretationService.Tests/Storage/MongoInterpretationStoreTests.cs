using MongoDB.Driver;
using ZodiaCore.InterpretationService.Storage.Mongo;

namespace ZodiaCore.InterpretationService.Tests.Storage;

/// <summary>Runs the contract against a real MongoDB when ZODIACORE_TEST_MONGODB holds a connection string.</summary>
public sealed class MongoInterpretationStoreTests : InterpretationStoreContractTests
{
    public const string ConnectionSetting = "ZODIACORE_TEST_MONGODB";

    private MongoClient? client;
    private string databaseName = "";

    public override async ValueTask InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionSetting);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        client = new MongoClient(connectionString);
        databaseName = "zodiacore_interpretation_test_" + Guid.NewGuid().ToString("N")[..12];
        var database = new InterpretationMongoDatabase(client.GetDatabase(databaseName));
        await database.EnsureIndexesAsync();
        Store = new MongoInterpretationStore(database);
    }

    public override async ValueTask DisposeAsync()
    {
        if (client is not null)
        {
            await client.DropDatabaseAsync(databaseName);
            client.Dispose();
        }
    }

    // Every contract test first asks whether a server was given; without one it is skipped, never passed.
    protected override void BeforeEach() =>
        Assert.SkipWhen(client is null, $"Set {ConnectionSetting} to a MongoDB connection string to run the MongoDB store contract.");
}
