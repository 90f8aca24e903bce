using System.Net;
using System.Text.Json;
using ZodiaCore.ChartService.Tests.Apis;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Storage;

/// <summary>
/// ChartService configured for MongoDB at an address where no server listens: the real driver, up to its server
/// selection timing out. An outage of the database is a 503 the client may retry, never a 500, and the charts that
/// need no database are still computed.
/// </summary>
public sealed class UnreachableDatabaseTests : IAsyncLifetime
{
    private readonly ChartApiFactory _factory = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:9/zodiacore?serverSelectionTimeoutMS=300&connectTimeoutMS=300",
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public static TheoryData<string, string> SavedChartRequests => new()
    {
        { "GET", "/api/charts" },
        { "POST", "/api/charts" },
        { "GET", "/api/charts/0123456789abcdef01234567" },
        { "DELETE", "/api/charts/0123456789abcdef01234567" },
    };

    [Theory]
    [MemberData(nameof(SavedChartRequests))]
    public async Task Saved_charts_answer_a_503_problem_with_retry_after_while_the_database_is_unreachable(string method, string path)
    {
        using var client = _factory.CreateUserClient("user-outage");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = method == "POST" ? Json(Saved("Outage")) : null;

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Storage unavailable", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("correlationId", out _));
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_natal_chart_is_still_computed_while_the_database_is_unreachable()
    {
        using var client = _factory.CreateUserClient("user-outage");

        using var response = await client.PostAsync("/api/charts/natal", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
