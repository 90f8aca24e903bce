using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.InterpretationService.Storage.Mongo;

/// <summary>The interpretation database in MongoDB; creates the indexes once, on first use, and drops the one earlier versions made that no query uses.</summary>
public sealed class InterpretationMongoDatabase
{
    public const string DefaultDatabaseName = "interpretation";

    /// <summary>The index on createdAt alone that deployments made before 2026-11-27 have.</summary>
    public const string ObsoleteCreatedAtIndex = "createdAt";

    private const int IndexNotFound = 27;

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
            // Serves "mine, newest first" and the per-user delete and export.
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId").Descending("createdAt"), new CreateIndexOptions { Name = "userId_createdAt" }),
            // Finds the record a repeated ask answered from the cache returns (records stored before have no askKey).
            new CreateIndexModel<BsonDocument>(keys.Ascending("userId").Ascending("askKey"), new CreateIndexOptions { Name = "userId_askKey" }),
        ]).ConfigureAwait(false);
        await DropObsoleteIndexAsync().ConfigureAwait(false);
    }

    // Deployments made before 2026-11-27 have an index on createdAt alone: no query uses it (userId_createdAt serves
    // the lists), and every insert pays for it.
    private async Task DropObsoleteIndexAsync()
    {
        using var cursor = await Interpretations.Indexes.ListAsync().ConfigureAwait(false);
        var names = (await cursor.ToListAsync().ConfigureAwait(false)).Select(index => index["name"].AsString);
        if (!names.Contains(ObsoleteCreatedAtIndex, StringComparer.Ordinal))
        {
            return;
        }

        try
        {
            await Interpretations.Indexes.DropOneAsync(ObsoleteCreatedAtIndex).ConfigureAwait(false);
        }
        catch (MongoCommandException e) when (e.Code == IndexNotFound)
        {
            // Another instance starting at the same time dropped it first.
        }
    }
}
