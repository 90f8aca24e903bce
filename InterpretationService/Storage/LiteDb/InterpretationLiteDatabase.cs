using LiteDB;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.InterpretationService.Storage.LiteDb;

/// <summary>The embedded store: one LiteDB file, <c>interpretations.db</c> under the data directory.</summary>
public sealed class InterpretationLiteDatabase : IDisposable
{
    public const string FileName = "interpretations.db";

    public InterpretationLiteDatabase(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        FilePath = filePath;
        Database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct });
        Interpretations = Database.GetCollection(StoredNames.Name);
        Interpretations.EnsureIndex("userId", "$.userId");
        // Files made before 2026-11-27 have a createdAt index that no query uses (a list selects by userId and sorts
        // its matches; LiteDB has no compound index), and files made before 2026-11-30 an askKey index that ids made
        // from the ask (AskId) replace; every insert paid for a node in each.
        Interpretations.DropIndex("createdAt");
        Interpretations.DropIndex("askKey");
        Inserts = new LiteDbGroupCommit(Interpretations);
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Interpretations { get; }

    /// <summary>The way to insert: concurrent inserts share commits.</summary>
    public LiteDbGroupCommit Inserts { get; }

    public void Dispose()
    {
        Inserts.Dispose();
        Database.Dispose();
    }
}
