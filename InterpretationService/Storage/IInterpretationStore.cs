using ZodiaCore.FieldEncryption;
namespace ZodiaCore.InterpretationService.Storage;

/// <summary>Users' interpretations, in MongoDB (collection <c>interpretations</c>) or LiteDB. Every read is scoped to the owner.</summary>
public interface IInterpretationStore
{
    /// <summary>Stores a new interpretation; false, and nothing written, when a record with its id exists already.</summary>
    Task<bool> TryInsertAsync(InterpretationRecord record, CancellationToken cancellationToken);

    /// <summary>The interpretation when it exists and belongs to <paramref name="userId"/>; null otherwise.</summary>
    Task<InterpretationRecord?> FindAsync(string id, string userId, CancellationToken cancellationToken);

    /// <summary>The owner's interpretations, newest first.</summary>
    Task<PagedResult<InterpretationRecord>> ListAsync(string userId, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Every interpretation of the owner, newest first (for the data export).</summary>
    Task<IReadOnlyList<InterpretationRecord>> ListAllAsync(string userId, CancellationToken cancellationToken);

    /// <summary>False when it does not exist or belongs to someone else.</summary>
    Task<bool> DeleteAsync(string id, string userId, CancellationToken cancellationToken);

    Task<long> DeleteAllForUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="count"/> interpretations of every user with an id after <paramref name="afterId"/> (from the
    /// first when null), in id order, so a walk over the whole store resumes from the last id it saw.
    /// </summary>
    Task<IReadOnlyList<StoredCiphertext>> ListSectionsAfterAsync(string? afterId, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="replacement"/> as the sections only while the record still holds exactly
    /// <paramref name="expected"/>; false when it was deleted or rewritten meanwhile.
    /// </summary>
    Task<bool> ReplaceSectionsAsync(string id, byte[] expected, byte[] replacement, CancellationToken cancellationToken);
}
