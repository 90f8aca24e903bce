using ZodiaCore.FieldEncryption;
using LiteDB;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Storage.LiteDb;

public sealed class LiteDbInterpretationStore(InterpretationLiteDatabase db) : IInterpretationStore
{
    public async Task<bool> TryInsertAsync(InterpretationRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await db.Inserts.InsertAsync(ToDocument(record)).ConfigureAwait(false);
            return true;
        }
        catch (LiteException error) when (error.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public Task<InterpretationRecord?> FindAsync(string id, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(db.Interpretations.FindById(id) is { } doc && doc["userId"].AsString == userId ? FromDocument(doc) : null);

    public Task<PagedResult<InterpretationRecord>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = Query.EQ("userId", userId);
        var total = db.Interpretations.LongCount(mine);
        var items = db.Interpretations.Query()
            .Where(mine)
            .OrderByDescending(LiteDbOrder.NewestFirst)
            .Skip(Paging.Skip(page, pageSize))
            .Limit(pageSize)
            .ToList()
            .Select(FromDocument)
            .ToArray();
        return Task.FromResult(new PagedResult<InterpretationRecord>(items, page, pageSize, total));
    }

    public Task<IReadOnlyList<InterpretationRecord>> ListAllAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<InterpretationRecord> items = db.Interpretations.Query()
            .Where(Query.EQ("userId", userId))
            .OrderByDescending(LiteDbOrder.NewestFirst)
            .ToList()
            .Select(FromDocument)
            .ToArray();
        return Task.FromResult(items);
    }

    public Task<bool> DeleteAsync(string id, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(db.Interpretations.DeleteMany(Query.And(Query.EQ("_id", id), Query.EQ("userId", userId))) == 1);

    public Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult((long)db.Interpretations.DeleteMany(Query.EQ("userId", userId)));

    public Task<IReadOnlyList<StoredCiphertext>> ListSectionsAfterAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        var query = db.Interpretations.Query();
        if (afterId is not null)
        {
            query = query.Where(Query.GT("_id", afterId));
        }

        IReadOnlyList<StoredCiphertext> page = query.OrderBy("_id").Limit(count).ToList()
            .Select(doc => new StoredCiphertext(doc["_id"].AsString, doc["sections"].AsBinary))
            .ToArray();
        return Task.FromResult(page);
    }

    // One UpdateMany is one LiteDB transaction, so the comparison and the write cannot be split by another writer;
    // it goes straight to the collection because the group commit only batches inserts.
    public Task<bool> ReplaceSectionsAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken)
    {
        var setSections = BsonExpression.Create("{ sections: @0 }", new BsonValue(replacement));
        var unchanged = Query.And(Query.EQ("_id", id), Query.EQ("sections", new BsonValue(expected)));
        return Task.FromResult(db.Interpretations.UpdateMany(setSections, unchanged) == 1);
    }

    private static BsonDocument ToDocument(InterpretationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BsonDocument
        {
            ["_id"] = record.Id,
            ["userId"] = record.UserId,
            ["chartId"] = record.ChartId is null ? BsonValue.Null : new BsonValue(record.ChartId),
            ["contentId"] = record.ContentId is null ? BsonValue.Null : new BsonValue(record.ContentId),
            ["provider"] = record.Provider,
            ["model"] = record.Model,
            ["fallback"] = record.Fallback,
            ["promptVersion"] = record.PromptVersion,
            ["language"] = record.Language,
            ["length"] = record.Length,
            ["sectionKeys"] = new BsonArray(record.SectionKeys.Select(k => new BsonValue(k))),
            ["inputTokens"] = record.InputTokens is { } input ? new BsonValue(input) : BsonValue.Null,
            ["outputTokens"] = record.OutputTokens is { } output ? new BsonValue(output) : BsonValue.Null,
            ["warnings"] = new BsonArray(record.Warnings.Select(w => new BsonDocument { ["code"] = w.Code, ["message"] = w.Message })),
            ["createdAt"] = new BsonValue(record.CreatedAt.UtcDateTime),
            ["sections"] = new BsonValue(record.SectionsCiphertext),
        };
    }

    private static InterpretationRecord FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        UserId = doc["userId"].AsString,
        ChartId = doc["chartId"].IsNull ? null : doc["chartId"].AsString,
        ContentId = doc["contentId"].IsNull ? null : doc["contentId"].AsString,
        Provider = doc["provider"].AsString,
        Model = doc["model"].AsString,
        Fallback = doc["fallback"].AsBoolean,
        PromptVersion = doc["promptVersion"].AsString,
        Language = doc["language"].AsString,
        Length = doc["length"].AsString,
        SectionKeys = doc["sectionKeys"].AsArray.Select(v => v.AsString).ToArray(),
        InputTokens = doc["inputTokens"].IsNull ? null : doc["inputTokens"].AsInt64,
        OutputTokens = doc["outputTokens"].IsNull ? null : doc["outputTokens"].AsInt64,
        Warnings = doc["warnings"].AsArray.Select(w => new InterpretationWarning(w["code"].AsString, w["message"].AsString)).ToArray(),
        CreatedAt = new DateTimeOffset(doc["createdAt"].AsDateTime.ToUniversalTime(), TimeSpan.Zero),
        SectionsCiphertext = doc["sections"].AsBinary,
    };
}
