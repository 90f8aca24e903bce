using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.InterpretationService.Storage.Mongo;

/// <summary>The interpretation database in MongoDB; creates the indexes once, on first use.</summary>
public sealed class InterpretationMongoDatabase
{
    public const string DefaultDatabaseName = "interpretation";

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
            // Serves "mine, newest first" and the per-user delete and export. (Deployments made before 2026-11-27 also
            // have an index on createdAt alone, which nothing queries: it can be dropped.)
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId").Descending("createdAt"), new CreateIndexOptions { Name = "userId_createdAt" }),
            // Finds the record a repeated ask answered from the cache returns (records stored before have no askKey).
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId").Ascending("askKey"), new CreateIndexOptions { Name = "userId_askKey" }),
        ]).ConfigureAwait(false);
    }
}
