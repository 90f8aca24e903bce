using ZodiaCore.FieldEncryption;
using LiteDB;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.ChartService.Storage.LiteDb;

public sealed class LiteDbSavedChartStore(ChartLiteDatabase db) : ISavedChartStore
{
    public Task InsertAsync(SavedChartRecord chart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return db.Inserts.InsertAsync(new BsonDocument
        {
            ["_id"] = chart.Id,
            ["userId"] = chart.UserId,
            ["name"] = chart.Name,
            ["createdAt"] = new BsonValue(chart.CreatedAt.UtcDateTime),
            ["contentId"] = chart.ContentId,
            ["payload"] = new BsonValue(chart.Payload),
        });
    }

    public Task<SavedChartRecord?> FindAsync(string userId, string id, CancellationToken cancellationToken)
    {
        var doc = db.BirthCharts.FindById(id);
        return Task.FromResult(doc is not null && doc["userId"].AsString == userId ? ToRecord(doc) : null);
    }

    public Task<PagedResult<SavedChartSummary>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.BirthCharts.Query().Where(Query.EQ("userId", userId));
        var total = query.Count();
        var items = db.BirthCharts.Query().Where(Query.EQ("userId", userId))
            .OrderByDescending(LiteDbOrder.NewestFirst)
            .Select("{ _id: $._id, name: $.name, contentId: $.contentId, createdAt: $.createdAt }")
            .Skip(Paging.Skip(page, pageSize))
            .Limit(pageSize)
            .ToList()
            .Select(doc => new SavedChartSummary(doc["_id"].AsString, doc["name"].AsString, doc["contentId"].AsString, ReadDate(doc["createdAt"])))
            .ToArray();
        return Task.FromResult(new PagedResult<SavedChartSummary>(items, page, pageSize, total));
    }

    public Task<IReadOnlyList<SavedChartRecord>> ListAllAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<SavedChartRecord> items = db.BirthCharts.Query().Where(Query.EQ("userId", userId))
            .OrderByDescending(LiteDbOrder.NewestFirst).ToList().Select(ToRecord).ToArray();
        return Task.FromResult(items);
    }

    public Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken) =>
        Task.FromResult(db.BirthCharts.DeleteMany(Query.And(Query.EQ("_id", id), Query.EQ("userId", userId))) > 0);

    public Task<long> DeleteAllAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult((long)db.BirthCharts.DeleteMany(Query.EQ("userId", userId)));

    public Task<IReadOnlyList<StoredCiphertext>> ListPayloadsAfterAsync(string? afterId, int limit, CancellationToken cancellationToken)
    {
        // Comparison and order both use the database's collation, so no id is skipped or repeated; saved-chart ids are
        // lower-case hex, which that case-insensitive collation orders exactly as MongoDB does.
        var query = db.BirthCharts.Query();
        if (afterId is not null)
        {
            query = query.Where(Query.GT("_id", afterId));
        }

        IReadOnlyList<StoredCiphertext> items = query.OrderBy("$._id")
            .Select("{ _id: $._id, payload: $.payload }").Limit(limit).ToList()
            .Select(doc => new StoredCiphertext(doc["_id"].AsString, doc["payload"].AsBinary))
            .ToArray();
        return Task.FromResult(items);
    }

    public Task<bool> ReplacePayloadAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken)
    {
        // One statement, so the comparison and the write cannot be separated by another writer.
        var updated = db.BirthCharts.UpdateMany(
            BsonExpression.Create("{ payload: @0 }", new BsonValue(replacement)),
            BsonExpression.Create("$._id = @0 AND $.payload = @1", new BsonValue(id), new BsonValue(expected)));
        return Task.FromResult(updated == 1);
    }

    private static SavedChartRecord ToRecord(BsonDocument doc) => new(
        doc["_id"].AsString, doc["userId"].AsString, doc["name"].AsString, ReadDate(doc["createdAt"]),
        doc["contentId"].AsString, doc["payload"].AsBinary);

    private static DateTimeOffset ReadDate(BsonValue value) => new(value.AsDateTime.ToUniversalTime(), TimeSpan.Zero);
}
