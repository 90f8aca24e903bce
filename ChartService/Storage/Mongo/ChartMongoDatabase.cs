using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.ChartService.Storage.Mongo;

/// <summary>The charts database in MongoDB; creates the <c>birthcharts</c> indexes once, on first use.</summary>
public sealed class ChartMongoDatabase
{
    public const string DefaultDatabaseName = "charts";
    public const string CollectionName = "birthcharts";

    private readonly Lazy<Task> _indexes;

    public ChartMongoDatabase(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        BirthCharts = database.GetCollection<BsonDocument>(CollectionName);
        _indexes = new Lazy<Task>(CreateIndexesAsync);
    }

    public IMongoCollection<BsonDocument> BirthCharts { get; }

    public Task EnsureIndexesAsync() => _indexes.Value;

    private async Task CreateIndexesAsync()
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await BirthCharts.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId"), new CreateIndexOptions { Name = "userId" }),
            new CreateIndexModel<BsonDocument>(keys.Descending("createdAt"), new CreateIndexOptions { Name = "createdAt" }),
        ]).ConfigureAwait(false);
    }
}
