using ZodiaCore.IdentityService.Storage.LiteDb;

namespace ZodiaCore.IdentityService.Tests.Storage;

public sealed class LiteDbStoreTests : StoreContractTests
{
    private string _directory = "";
    private IdentityLiteDatabase? _database;

    public override ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("zodiacore-litedb-").FullName;
        _database = new IdentityLiteDatabase(Path.Combine(_directory, IdentityLiteDatabase.FileName));
        Users = new LiteDbUserStore(_database);
        Tokens = new LiteDbRefreshTokenStore(_database);
        Keys = new LiteDbSigningKeyStore(_database);
        return ValueTask.CompletedTask;
    }

    protected override Task RemoveVersionFieldAsync(string id)
    {
        var doc = _database!.Users.FindById(id);
        doc.Remove("version");
        _database.Users.Update(doc);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
