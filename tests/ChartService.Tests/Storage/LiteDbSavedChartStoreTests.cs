using ZodiaCore.ChartService.Storage.LiteDb;

namespace ZodiaCore.ChartService.Tests.Storage;

public sealed class LiteDbSavedChartStoreTests : SavedChartStoreContractTests
{
    private string _directory = "";
    private ChartLiteDatabase? _database;

    public override ValueTask InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("zodiacore-charts-litedb-").FullName;
        _database = new ChartLiteDatabase(Path.Combine(_directory, ChartLiteDatabase.FileName));
        Store = new LiteDbSavedChartStore(_database);
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
