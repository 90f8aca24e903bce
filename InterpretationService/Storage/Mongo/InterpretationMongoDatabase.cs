using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.InterpretationService.Storage.Mongo;

/// <summary>The interpretation database in MongoDB; creates the indexes once, on first use, and drops the ones earlier versions made that it replaces.</summary>
public sealed class InterpretationMongoDatabase
{
    public const string DefaultDatabaseName = "interpretation";

    public const string NewestFirstIndex = "userId_createdAt_id";

    private static readonly string[] ObsoleteIndexes = ["createdAt", "userId_createdAt", "userId_askKey"];

    private readonly Lazy<Task> _indexes;

    public InterpretationMongoDatabase(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Interpretations = database.GetCollection<BsonDocument>(StoredNames.Name);
        _indexes = new Lazy<Task>(CreateIndexesAsync);
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<BsonDocument> Interpretations { get; }

    public Task EnsureIndexesAsync() => _indexes.Value;

    private async Task CreateIndexesAsync()
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await Interpretations.Indexes.CreateManyAsync(
        [
            // Serves "mine, newest first" (filter and sort, ties by id, so no page sorts in memory) and, by its userId
            // prefix, the per-user delete and export.
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId").Descending("createdAt").Descending("_id"), new CreateIndexOptions { Name = NewestFirstIndex }),
        ]).ConfigureAwait(false);
        // Deployments made before 2026-11-28 have createdAt alone (no query uses it) and userId_createdAt (its sort
        // left ties by id to an in-memory sort), which the index above replaces; those made before 2026-11-30 have
        // userId_askKey, which ids made from the ask (AskId) replace.
        await MongoIndexes.DropObsoleteAsync(Interpretations, ObsoleteIndexes).ConfigureAwait(false);
    }
}
