using ZodiaCore.FieldEncryption;
namespace ZodiaCore.ChartService.Storage;

/// <summary>Saved charts, in MongoDB (collection <c>birthcharts</c>) or LiteDB. Every read and delete is scoped to the owner.</summary>
public interface ISavedChartStore
{
    Task InsertAsync(SavedChartRecord chart, CancellationToken cancellationToken);

    /// <summary>The chart when it exists and belongs to <paramref name="userId"/>; otherwise null.</summary>
    Task<SavedChartRecord?> FindAsync(string userId, string id, CancellationToken cancellationToken);

    /// <summary>The owner's charts, newest first.</summary>
    Task<PagedResult<SavedChartSummary>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Every chart of the owner, newest first (for the personal-data export).</summary>
    Task<IReadOnlyList<SavedChartRecord>> ListAllAsync(string userId, CancellationToken cancellationToken);

    /// <summary>False when the chart does not exist or belongs to someone else.</summary>
    Task<bool> DeleteAsync(string userId, string id, CancellationToken cancellationToken);

    /// <summary>Deletes every chart of the owner; returns how many there were.</summary>
    Task<long> DeleteAllAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> charts of every owner whose id sorts after <paramref name="afterId"/> (from the
    /// first when null), in id order: a walk over the whole store that stays correct while charts are added or deleted.
    /// </summary>
    Task<IReadOnlyList<StoredCiphertext>> ListPayloadsAfterAsync(string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the chart's payload only while it still holds <paramref name="expected"/>; false when the chart is gone
    /// or its payload changed meanwhile.
    /// </summary>
    Task<bool> ReplacePayloadAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken);
}
