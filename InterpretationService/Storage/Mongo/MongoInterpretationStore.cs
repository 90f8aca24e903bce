using ZodiaCore.FieldEncryption;
using MongoDB.Bson;
using MongoDB.Driver;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Storage.Mongo;

public sealed class MongoInterpretationStore(InterpretationMongoDatabase db) : IInterpretationStore
{
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly SortDefinition<BsonDocument> NewestFirst = Builders<BsonDocument>.Sort.Descending("createdAt").Descending("_id");

    public async Task<bool> TryInsertAsync(InterpretationRecord record, CancellationToken cancellationToken)
    {
        await db.EnsureIndexesAsync().ConfigureAwait(false);
        try
        {
            await db.Interpretations.InsertOneAsync(ToDocument(record), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MongoWriteException error) when (error.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<InterpretationRecord?> FindAsync(string id, string userId, CancellationToken cancellationToken)
    {
        var doc = await db.Interpretations.Find(Owned(id, userId)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<PagedResult<InterpretationRecord>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var mine = Filter.Eq("userId", userId);
        var total = await db.Interpretations.CountDocumentsAsync(mine, cancellationToken: cancellationToken).ConfigureAwait(false);
        var docs = await db.Interpretations.Find(mine).Sort(NewestFirst).Skip(Paging.Skip(page, pageSize)).Limit(pageSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PagedResult<InterpretationRecord>(docs.Select(FromDocument).ToArray(), page, pageSize, total);
    }

    public async Task<IReadOnlyList<InterpretationRecord>> ListAllAsync(string userId, CancellationToken cancellationToken)
    {
        var docs = await db.Interpretations.Find(Filter.Eq("userId", userId)).Sort(NewestFirst)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(FromDocument).ToArray();
    }

    public async Task<bool> DeleteAsync(string id, string userId, CancellationToken cancellationToken)
    {
        var result = await db.Interpretations.DeleteOneAsync(Owned(id, userId), cancellationToken).ConfigureAwait(false);
        return result.DeletedCount == 1;
    }

    public async Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var result = await db.Interpretations.DeleteManyAsync(Filter.Eq("userId", userId), cancellationToken).ConfigureAwait(false);
        return result.DeletedCount;
    }

    public async Task<IReadOnlyList<StoredCiphertext>> ListSectionsAfterAsync(string? afterId, int count, CancellationToken cancellationToken)
    {
        var after = afterId is null ? Filter.Empty : Filter.Gt("_id", afterId);
        var docs = await db.Interpretations.Find(after)
            .Sort(Builders<BsonDocument>.Sort.Ascending("_id"))
            .Limit(count)
            .Project(Builders<BsonDocument>.Projection.Include("sections"))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return docs.Select(doc => new StoredCiphertext(doc["_id"].AsString, doc["sections"].AsByteArray)).ToArray();
    }

    public async Task<bool> ReplaceSectionsAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken)
    {
        var unchanged = Filter.And(Filter.Eq("_id", id), Filter.Eq("sections", new BsonBinaryData(expected)));
        var result = await db.Interpretations.UpdateOneAsync(
            unchanged, Builders<BsonDocument>.Update.Set("sections", new BsonBinaryData(replacement)), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        // Matched, not modified: rewriting a record with the bytes it already holds still succeeded.
        return result.MatchedCount == 1;
    }

    private static FilterDefinition<BsonDocument> Owned(string id, string userId) =>
        Filter.And(Filter.Eq("_id", id), Filter.Eq("userId", userId));

    private static BsonValue Nullable(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    private static BsonValue Nullable(long? value) => value is { } v ? new BsonInt64(v) : BsonNull.Value;

    private static BsonDocument ToDocument(InterpretationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new BsonDocument
        {
            ["_id"] = record.Id,
            ["userId"] = record.UserId,
            ["chartId"] = Nullable(record.ChartId),
            ["contentId"] = Nullable(record.ContentId),
            ["provider"] = record.Provider,
            ["model"] = record.Model,
            ["fallback"] = record.Fallback,
            ["promptVersion"] = record.PromptVersion,
            ["language"] = record.Language,
            ["length"] = record.Length,
            ["sectionKeys"] = new BsonArray(record.SectionKeys),
            ["inputTokens"] = Nullable(record.InputTokens),
            ["outputTokens"] = Nullable(record.OutputTokens),
            ["warnings"] = new BsonArray(record.Warnings.Select(w => new BsonDocument { ["code"] = w.Code, ["message"] = w.Message })),
            ["createdAt"] = new BsonDateTime(record.CreatedAt.UtcDateTime),
            ["sections"] = new BsonBinaryData(record.SectionsCiphertext),
        };
    }

    private static InterpretationRecord FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        UserId = doc["userId"].AsString,
        ChartId = doc["chartId"].IsBsonNull ? null : doc["chartId"].AsString,
        ContentId = doc["contentId"].IsBsonNull ? null : doc["contentId"].AsString,
        Provider = doc["provider"].AsString,
        Model = doc["model"].AsString,
        Fallback = doc["fallback"].AsBoolean,
        PromptVersion = doc["promptVersion"].AsString,
        Language = doc["language"].AsString,
        Length = doc["length"].AsString,
        SectionKeys = doc["sectionKeys"].AsBsonArray.Select(v => v.AsString).ToArray(),
        InputTokens = doc["inputTokens"].IsBsonNull ? null : doc["inputTokens"].ToInt64(),
        OutputTokens = doc["outputTokens"].IsBsonNull ? null : doc["outputTokens"].ToInt64(),
        Warnings = doc["warnings"].AsBsonArray.Select(w => new InterpretationWarning(w["code"].AsString, w["message"].AsString)).ToArray(),
        CreatedAt = new DateTimeOffset(doc["createdAt"].ToUniversalTime(), TimeSpan.Zero),
        SectionsCiphertext = doc["sections"].AsByteArray,
    };
}
