using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZodiaCore.ServiceDefaults.Logging;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Log writes happen on a background writer, and none is lost when the service stops.</summary>
public sealed class LoggingTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("zodiacore-logging-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task Every_event_logged_before_the_service_stops_is_in_its_log_file()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ZODIACORE_DATA_DIR"] = _dataDirectory;
        builder.AddServiceDefaults();
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoggingTests");

        for (var i = 0; i < 5_000; i++)
        {
            logger.LogWarning("Flush check {Sequence}", i);
        }

        await app.DisposeAsync();

        var file = Assert.Single(Directory.GetFiles(_dataDirectory, "combined*.log", SearchOption.AllDirectories));
        var lines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken)).Count(l => l.Contains("Flush check", StringComparison.Ordinal));
        Assert.Equal(5_000, lines);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("sometimes", true)]
    public void LOG_ASYNC_turns_the_background_writer_off_only_when_false(string? value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LOG_ASYNC"] = value }).Build();

        Assert.Equal(expected, LogSettings.From(configuration).Async);
    }
}
