using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using ZodiaCore.Gateway.Security;
using ZodiaCore.Gateway.Tests.Caching;

namespace ZodiaCore.Gateway.Tests.Security;

/// <summary>A body over the gateway's limit, on real connections (Kestrel), as a keep-alive client sends it.</summary>
public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private const int Limit = 64 * 1024;
    private const string Birth = """{"birth":{"date":"1990-05-15","time":"14:30:00","timeZone":"Europe/London"},"location":{"latitude":51.5,"longitude":-0.13}}""";
    private FakeChartService charts = null!;
    private GatewayOverFakeCharts gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        charts = await FakeChartService.StartAsync();
        gateway = new GatewayOverFakeCharts(charts.Address, new Dictionary<string, string> { ["Gateway:MaxRequestBodyBytes"] = $"{Limit}" });
        gateway.UseKestrel(0);
        gateway.StartServer();
    }

    public async ValueTask DisposeAsync()
    {
        await gateway.DisposeAsync();
        await charts.DisposeAsync();
    }

    [Fact]
    public async Task A_body_a_few_times_over_the_limit_is_a_413_problem_and_the_same_connection_answers_the_next_request()
    {
        using var client = gateway.CreateClient();

        for (var round = 0; round < 5; round++)
        {
            using var oversized = new ByteArrayContent(new byte[Limit * 2]);
            oversized.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var refused = await client.PostAsync("/api/charts/natal", oversized, Ct);
            using var next = await client.PostAsync("/api/charts/natal", new StringContent(Birth, Encoding.UTF8, "application/json"), Ct);

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotEqual(true, refused.Headers.ConnectionClose);
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }
    }

    [Fact]
    public async Task A_body_far_over_the_limit_is_a_413_that_says_the_connection_closes_before_the_body_is_sent()
    {
        var address = gateway.ClientOptions.BaseAddress;
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, Ct);
        var stream = socket.GetStream();
        var declared = (long)Limit * (RequestSizeLimitMiddleware.DrainFactor + 1);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/charts/natal HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {declared}\r\n\r\n"), Ct);

        var head = await ReadHeadAsync(stream);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\r\nContent-Type: application/problem+json", head, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, Ct);
            Assert.True(read > 0, "the gateway closed the connection without an answer");
            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return head.ToString();
    }
}
