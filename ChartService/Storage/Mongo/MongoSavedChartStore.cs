using ZodiaCore.FieldEncryption;
using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Apis;

namespace ZodiaCore.ChartService.Storage.Mongo;

public sealed class MongoSavedChartStore(ChartMongoDatabase db) : ISavedChartStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly SortDefinition<BsonDocument> NewestFirst = Builders<BsonDocument>.Sort.Descending("createdAt").Descending("_id");
    private static readonly SortDefinition<BsonDocument> ById = Builders<BsonDocument>.Sort.Ascending("_id");
    private static readonly ProjectionDefinition<BsonDocument> PayloadField = Builders<BsonDocument>.Projection.Include("payload");
    private static readonly ProjectionDefinition<BsonDocument> SummaryFields = Builders<BsonDocument>.Projection
        .Include("name").Include("contentId").Include("createdAt");

    public async Task InsertAsync(SavedChartRecord chart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chart);
        await db.EnsureIndexesAsync().ConfigureAwait(false);
        await db.BirthCharts.InsertOneAsync(new BsonDocument
        {
            ["_id"] = chart.Id,
            ["userId"] = chart.UserId,
            ["name"] = chart.Name,
            ["createdAt"] = new BsonDateTime(chart.CreatedAt.UtcDateTime),
            ["contentId"] = chart.ContentId,
            ["payload"] = new BsonBinaryData(chart.Payload),
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<SavedChartRecord?> FindAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var doc = await db.BirthCharts.Find(Owned(userId, id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return doc is null ? null : ToRecord(doc);
    }

    public async Task<PagedResult<SavedChartSummary>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var filter = Filter.Eq("userId", userId);
        var total = await db.BirthCharts.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var docs = await db.BirthCharts.Find(filter).Sort(NewestFirst).Project(SummaryFields)
            .Skip(Paging.Skip(page, pageSize)).Limit(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = docs.Select(doc => new SavedChartSummary(
            doc["_id"].AsString, doc["name"].AsString, doc["contentId"].AsString, ReadDate(doc["createdAt"]))).ToArray();
        return new PagedResult<SavedChartSummary>(items, page, pageSize, total);
    }

    public async Task<IReadOnlyList<SavedChartRecord>> ListAllAsync(string userId, CancellationToken cancellationToken)
    {
        var docs = await db.BirthCharts.Find(Filter.Eq("userId", userId)).Sort(NewestFirst)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(ToRecord).ToArray();
    }

    public async Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var result = await db.BirthCharts.DeleteOneAsync(Owned(userId, id), cancellationToken).ConfigureAwait(false);
        return result.DeletedCount == 1;
    }

    public async Task<long> DeleteAllAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await db.BirthCharts.DeleteManyAsync(Filter.Eq("userId", userId), cancellationToken).ConfigureAwait(false);
        return result.DeletedCount;
    }

    public async Task<IReadOnlyList<StoredCiphertext>> ListPayloadsAfterAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        var filter = afterId is null ? Filter.Empty : Filter.Gt("_id", afterId);
        var docs = await db.BirthCharts.Find(filter).Sort(ById).Project(PayloadField).Limit(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(doc => new StoredCiphertext(doc["_id"].AsString, doc["payload"].AsByteArray)).ToArray();
    }

    public async Task<bool> ReplacePayloadAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken)
    {
        var result = await db.BirthCharts.UpdateOneAsync(
            Filter.And(Filter.Eq("_id", id), Filter.Eq("payload", new BsonBinaryData(expected))),
            Builders<BsonDocument>.Update.Set("payload", new BsonBinaryData(replacement)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        // Matched, not modified: a replacement equal to the stored bytes is still a success.
        return result.MatchedCount == 1;
    }

    private static FilterDefinition<BsonDocument> Owned(string userId, string id) =>
        Filter.And(Filter.Eq("_id", id), Filter.Eq("userId", userId));

    private static SavedChartRecord ToRecord(BsonDocument doc) => new(
        doc["_id"].AsString, doc["userId"].AsString, doc["name"].AsString, ReadDate(doc["createdAt"]),
        doc["contentId"].AsString, doc["payload"].AsByteArray);

    private static DateTimeOffset ReadDate(BsonValue value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}
