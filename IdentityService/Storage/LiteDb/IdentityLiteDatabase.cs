using LiteDB;

namespace ZodiaCore.IdentityService.Storage.LiteDb;

/// <summary>The embedded store: one LiteDB file, <c>identity.db</c> under the data directory.</summary>
public sealed class IdentityLiteDatabase : IDisposable
{
    public const string FileName = "identity.db";

    public IdentityLiteDatabase(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        FilePath = filePath;
        Database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct });

        Users = Database.GetCollection(Collections.Users);
        Users.EnsureIndex("emailHash", "$.emailHash", unique: true);
        Users.EnsureIndex("createdAt", "$.createdAt");
        Users.EnsureIndex("lastLogin", "$.lastLogin");
        Users.EnsureIndex("deletionRequestedAt", "$.deletionRequestedAt");

        RefreshTokens = Database.GetCollection(Collections.RefreshTokens);
        RefreshTokens.EnsureIndex("userId", "$.userId");
        RefreshTokens.EnsureIndex("familyId", "$.familyId");
        RefreshTokens.EnsureIndex("expiresAt", "$.expiresAt");

        SigningKeys = Database.GetCollection(Collections.SigningKeys);
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<BsonDocument> Users { get; }

    public ILiteCollection<BsonDocument> RefreshTokens { get; }

    public ILiteCollection<BsonDocument> SigningKeys { get; }

    /// <summary>Serialises read-modify-write sequences; LiteDB has no find-and-modify.</summary>
    public Lock WriteLock { get; } = new();

    public void Dispose() => Database.Dispose();

    internal static BsonValue Date(DateTimeOffset? value) =>
        value is { } v ? new BsonValue(v.UtcDateTime) : BsonValue.Null;

    internal static DateTimeOffset? ReadDate(BsonValue value) =>
        value.IsNull ? null : new DateTimeOffset(value.AsDateTime.ToUniversalTime(), TimeSpan.Zero);

    internal static BsonValue Bytes(byte[]? value) => value is null ? BsonValue.Null : new BsonValue(value);
}
