using LiteDB;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>Sort orders the embedded stores share with their MongoDB counterparts.</summary>
public static class LiteDbOrder
{
    /// <summary>
    /// Newest first, and by id among records created in the same millisecond, as the MongoDB stores sort
    /// (<c>createdAt</c> descending, then <c>_id</c> descending): without the tie-break a page boundary between equal
    /// timestamps could repeat one record and skip another, and the two stores would list ties differently.
    /// </summary>
    public static readonly BsonExpression NewestFirst = BsonExpression.Create("[$.createdAt, $._id]");
}
