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

    [Fact]
    public async Task Two_services_in_one_process_each_write_to_their_own_log_until_each_stops()
    {
        var (first, firstDirectory) = Service("first");
        var (second, secondDirectory) = Service("second");
        var firstLogger = first.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoggingTests");
        var secondLogger = second.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoggingTests");

        firstLogger.LogWarning("Written by the first");
        secondLogger.LogWarning("Written by the second");
        await second.DisposeAsync();
        firstLogger.LogWarning("Written by the first after the second stopped");
        await first.DisposeAsync();

        Assert.Equal(["Written by the first", "Written by the first after the second stopped"], await MessagesAsync(firstDirectory));
        Assert.Equal(["Written by the second"], await MessagesAsync(secondDirectory));
    }

    [Fact]
    public async Task Each_request_is_logged_once_with_its_correlation_id_in_the_services_own_log()
    {
        var (app, directory) = Service("requests");
        app.Urls.Add("http://127.0.0.1:0");
        app.MapGet("/api/ping", () => "pong");
        await app.StartAsync(TestContext.Current.CancellationToken);
        using (var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping"))
        {
            request.Headers.Add("X-Correlation-ID", "ping-0001");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await app.StopAsync(TestContext.Current.CancellationToken);
        await app.DisposeAsync();

        var file = Assert.Single(Directory.GetFiles(directory, "combined*.log", SearchOption.AllDirectories));
        var requestLines = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken))
            .Where(l => l.Contains("/api/ping", StringComparison.Ordinal) && l.Contains("\"StatusCode\":200", StringComparison.Ordinal));
        Assert.Contains("\"CorrelationId\":\"ping-0001\"", Assert.Single(requestLines), StringComparison.Ordinal);
    }

    private (WebApplication App, string DataDirectory) Service(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dataDirectory, name)).FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ZODIACORE_DATA_DIR"] = directory;
        builder.AddServiceDefaults();
        return (builder.Build(), directory);
    }

    private static async Task<string[]> MessagesAsync(string dataDirectory)
    {
        var file = Assert.Single(Directory.GetFiles(dataDirectory, "combined*.log", SearchOption.AllDirectories));
        var lines = await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken);
        return [.. lines.Where(l => l.Contains("Written by", StringComparison.Ordinal))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("@mt").GetString()!)];
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
