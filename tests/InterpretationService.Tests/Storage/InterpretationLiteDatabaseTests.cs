using LiteDB;
using ZodiaCore.InterpretationService.Storage;
using ZodiaCore.InterpretationService.Storage.LiteDb;

namespace ZodiaCore.InterpretationService.Tests.Storage;

public sealed class InterpretationLiteDatabaseTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("zodiacore-interpretation-indexes-").FullName;

    private string FilePath => Path.Combine(directory, InterpretationLiteDatabase.FileName);

    [Fact]
    public void A_file_made_with_the_replaced_createdAt_and_askKey_indexes_is_opened_without_them_and_keeps_its_records()
    {
        using (var old = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }))
        {
            var collection = old.GetCollection(StoredNames.Name);
            collection.EnsureIndex("createdAt", "$.createdAt");
            collection.EnsureIndex("askKey", "$.askKey");
            collection.Insert(new BsonDocument { ["_id"] = "r1", ["userId"] = "u1", ["askKey"] = "k", ["createdAt"] = DateTime.UtcNow });
        }

        using var database = new InterpretationLiteDatabase(FilePath);

        Assert.Equal(["_id", "userId"], IndexNames(database.Database));
        Assert.Equal("u1", database.Interpretations.FindById("r1")["userId"].AsString);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string[] IndexNames(LiteDatabase database) =>
        database.GetCollection("$indexes").Find(Query.EQ("collection", StoredNames.Name))
            .Select(index => index["name"].AsString)
            .Order(StringComparer.Ordinal)
            .ToArray();
}
