using MongoDB.Bson;
using MongoDB.Driver;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>Index upkeep the services' MongoDB databases share when they start.</summary>
public static class MongoIndexes
{
    private const int IndexNotFound = 27;

    /// <summary>
    /// Drops the indexes earlier versions created that a newer one replaces: every insert keeps an index up to date
    /// whether or not a query uses it. Call after creating the replacement, so no query is left without one.
    /// </summary>
    public static async Task DropObsoleteAsync(IMongoCollection<BsonDocument> collection, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(names);
        using var cursor = await collection.Indexes.ListAsync().ConfigureAwait(false);
        var existing = (await cursor.ToListAsync().ConfigureAwait(false)).Select(index => index["name"].AsString).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(existing.Contains))
        {
            try
            {
                await collection.Indexes.DropOneAsync(name).ConfigureAwait(false);
            }
            catch (MongoCommandException e) when (e.Code == IndexNotFound)
            {
                // Another instance starting at the same time dropped it first.
            }
        }
    }
}
