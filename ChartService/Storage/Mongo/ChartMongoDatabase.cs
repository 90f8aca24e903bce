using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.ChartService.Storage.Mongo;

/// <summary>The charts database in MongoDB; creates the <c>birthcharts</c> indexes once, on first use, and drops the ones earlier versions made that they replace.</summary>
public sealed class ChartMongoDatabase
{
    public const string DefaultDatabaseName = "charts";
    public const string CollectionName = "birthcharts";

    public const string NewestFirstIndex = "userId_createdAt_id";

    private static readonly string[] ObsoleteIndexes = ["userId", "createdAt"];

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
        // Serves "my charts, newest first" (filter and sort, ties by id, so no page sorts in memory) and, by its userId
        // prefix, finding, deleting and exporting a user's charts.
        await BirthCharts.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(
            keys.Ascending("userId").Descending("createdAt").Descending("_id"), new CreateIndexOptions { Name = NewestFirstIndex })).ConfigureAwait(false);
        // Deployments made before 2026-11-28 have userId and createdAt as two indexes: a list used one and sorted the
        // user's charts in memory; the index above replaces both.
        await MongoIndexes.DropObsoleteAsync(BirthCharts, ObsoleteIndexes).ConfigureAwait(false);
    }
}
