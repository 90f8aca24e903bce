using LiteDB;

namespace ZodiaCore.ChartService.Storage.LiteDb;

/// <summary>The embedded store: one LiteDB file, <c>charts.db</c> under the data directory.</summary>
public sealed class ChartLiteDatabase : IDisposable
{
    public const string FileName = "charts.db";

    public ChartLiteDatabase(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        FilePath = filePath;
        Database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct });
        BirthCharts = Database.GetCollection(MongoCollectionName);
        BirthCharts.EnsureIndex("userId", "$.userId");
        BirthCharts.EnsureIndex("createdAt", "$.createdAt");
    }

    /// <summary>The same name as the MongoDB collection.</summary>
    public const string MongoCollectionName = "birthcharts";

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> BirthCharts { get; }

    public void Dispose() => Database.Dispose();
}
