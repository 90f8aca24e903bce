using LiteDB;
using ZodiaCore.ServiceDefaults.Data;

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
        // Files made before 2026-11-28 have a createdAt index no query uses (a list seeks by userId and sorts the
        // user's charts by createdAt and id; LiteDB has no compound index), while every insert paid for a node in it.
        BirthCharts.DropIndex("createdAt");
        Inserts = new LiteDbGroupCommit(BirthCharts);
    }

    /// <summary>The same name as the MongoDB collection.</summary>
    public const string MongoCollectionName = "birthcharts";

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> BirthCharts { get; }

    /// <summary>The way to insert: concurrent inserts share commits.</summary>
    public LiteDbGroupCommit Inserts { get; }

    public void Dispose()
    {
        Inserts.Dispose();
        Database.Dispose();
    }
}
