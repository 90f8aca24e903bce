using LiteDB;
using ZodiaCore.ChartService.Storage.LiteDb;

namespace ZodiaCore.ChartService.Tests.Storage;

public sealed class ChartLiteDatabaseTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("zodiacore-chart-indexes-").FullName;

    private string FilePath => Path.Combine(directory, ChartLiteDatabase.FileName);

    [Fact]
    public void A_file_made_with_the_unused_createdAt_index_is_opened_without_it_and_keeps_its_charts()
    {
        using (var old = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }))
        {
            var collection = old.GetCollection(ChartLiteDatabase.MongoCollectionName);
            collection.EnsureIndex("userId", "$.userId");
            collection.EnsureIndex("createdAt", "$.createdAt");
            collection.Insert(new BsonDocument { ["_id"] = "c1", ["userId"] = "u1", ["createdAt"] = DateTime.UtcNow });
        }

        using var database = new ChartLiteDatabase(FilePath);

        var indexes = database.Database.GetCollection("$indexes").Find(Query.EQ("collection", ChartLiteDatabase.MongoCollectionName))
            .Select(index => index["name"].AsString).Order(StringComparer.Ordinal);
        Assert.Equal(["_id", "userId"], indexes);
        Assert.Equal("u1", database.BirthCharts.FindById("c1")["userId"].AsString);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
