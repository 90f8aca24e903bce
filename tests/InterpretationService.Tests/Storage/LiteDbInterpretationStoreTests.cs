using ZodiaCore.InterpretationService.Storage.LiteDb;

namespace ZodiaCore.InterpretationService.Tests.Storage;

public sealed class LiteDbInterpretationStoreTests : InterpretationStoreContractTests
{
    private string directory = "";
    private InterpretationLiteDatabase? database;

    public override ValueTask InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("zodiacore-interpretation-litedb-").FullName;
        database = new InterpretationLiteDatabase(Path.Combine(directory, InterpretationLiteDatabase.FileName));
        Store = new LiteDbInterpretationStore(database);
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        database?.Dispose();
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
