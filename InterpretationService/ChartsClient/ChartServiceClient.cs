using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.ChartsClient;

/// <summary>Fetches saved charts (with the caller's own token) and computes inline charts through ChartService.</summary>
public sealed partial class ChartServiceClient(IHttpClientFactory httpClientFactory, ILogger<ChartServiceClient> logger)
{
    /// <summary>The named HttpClient; its base address <c>http://charts</c> is resolved by service discovery.</summary>
    public const string HttpClientName = "charts";

    /// <summary>
    /// How long a chart may take, retries and reading the answer included, before the interpretation is answered 503:
    /// the named client's <see cref="HttpClient.Timeout"/>, which also covers buffering the body. ChartService takes
    /// milliseconds even on a loaded machine. The shared resilience handler's timeouts (10 s an attempt, 30 s in all)
    /// would hold an interpretation half a minute on a hung ChartService, and they end when the headers arrive, so an
    /// answer whose body stalls would have waited for HttpClient's default 100 s.
    /// </summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    public async Task<ChartFetch> GetSavedChartAsync(string chartId, string? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/charts/" + Uri.EscapeDataString(chartId));
        if (!string.IsNullOrEmpty(authorization))
        {
            // The caller's own token: ChartService decides ownership, so another user's chart is simply not found.
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await SendAsync(request, saved: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ChartFetch> ComputeNatalAsync(JsonElement natalRequest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charts/natal")
        {
            Content = new StringContent(natalRequest.GetRawText(), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        // This service keeps what it needs from the answer (the interpretation and the chart's content id), so a chart
        // computed for it would only take room in ChartService's cache and a Redis write on every new chart (no-store).
        // It asks only for charts it has not seen, so a look-up in ChartService's cache would be a Redis round trip
        // spent before nearly every computation (no-cache).
        request.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true, NoCache = true };
        return await SendAsync(request, saved: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChartFetch> SendAsync(HttpRequestMessage request, bool saved, CancellationToken cancellationToken)
    {
        try
        {
            // ResponseContentRead: the body is read within the client's Timeout (the deadline), then taken from memory.
            using var response = await httpClientFactory.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return Read(body, saved);
                case HttpStatusCode.NotFound when saved:
                    return ChartFetch.Failed(StatusCodes.Status404NotFound, "Chart not found", null,
                        new Dictionary<string, string[]> { ["chartId"] = ["No saved chart of yours has this id."] });
                case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity when !saved:
                    return Rejected((int)response.StatusCode, body);
                case >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError:
                    // ChartService refused this service's own request (e.g. the caller's token expired on the way):
                    // trying again shortly, as a 503 would suggest, does not help.
                    LogUnexpectedStatus(logger, (int)response.StatusCode, saved ? "saved chart" : "natal chart");
                    return ChartFetch.Failed(StatusCodes.Status502BadGateway, "Chart request refused",
                        "ChartService refused the request for the chart; if your session is about to expire, sign in again.");
                default:
                    LogUnexpectedStatus(logger, (int)response.StatusCode, saved ? "saved chart" : "natal chart");
                    return Unavailable();
            }
        }
        catch (TaskCanceledException exception) when (exception.InnerException is TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            LogDeadlinePassed(logger, Deadline.TotalSeconds);
            return Unavailable();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            LogUnreachable(logger, exception.GetType().Name);
            return Unavailable();
        }
    }

    private ChartFetch Read(byte[] body, bool saved)
    {
        try
        {
            if (!saved)
            {
                return new ChartFetch(ChartFacts.FromJson(body));
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var chart = ChartFacts.FromJson(root.GetProperty("chart"));
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (chart.ContentId is null && root.TryGetProperty("contentId", out var id) && id.ValueKind == JsonValueKind.String)
            {
                chart = chart with { ContentId = id.GetString() };
            }

            return new ChartFetch(chart, name);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadable(logger, exception.GetType().Name);
            return ChartFetch.Failed(StatusCodes.Status502BadGateway, "Chart unreadable", "ChartService answered with a chart this service cannot read.");
        }
    }

    /// <summary>ChartService's verdict on an inline chart, with its field names placed under <c>chart.</c> as the caller sent them.</summary>
    private static ChartFetch Rejected(int status, byte[] body)
    {
        string title = status == StatusCodes.Status400BadRequest ? "The chart is not valid" : "The chart cannot be computed";
        string? detail = null;
        Dictionary<string, string[]>? errors = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : title;
                detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    errors = e.EnumerateObject().ToDictionary(
                        p => p.Name is "body" or "" ? "chart" : "chart." + p.Name,
                        p => p.Value.ValueKind == JsonValueKind.Array
                            ? p.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [p.Value.ToString()]);
                }
            }
        }
        catch (JsonException)
        {
            // A body that is not a problem document still means the chart was refused.
        }

        if (status == StatusCodes.Status400BadRequest && errors is null)
        {
            errors = new Dictionary<string, string[]> { ["chart"] = [detail ?? "ChartService rejected the chart."] };
        }

        return ChartFetch.Failed(status, title, detail, errors);
    }

    private static ChartFetch Unavailable() =>
        ChartFetch.Failed(StatusCodes.Status503ServiceUnavailable, "Chart service unavailable", "The chart could not be obtained; try again shortly.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "ChartService answered {Status} for a {Kind} request")]
    private static partial void LogUnexpectedStatus(ILogger logger, int status, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ChartService gave no chart within {Seconds} s")]
    private static partial void LogDeadlinePassed(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ChartService could not be reached ({ExceptionType})")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ChartService's chart could not be read ({ExceptionType})")]
    private static partial void LogUnreadable(ILogger logger, string exceptionType);
}
