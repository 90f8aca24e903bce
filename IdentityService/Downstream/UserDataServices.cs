using System.Text.Json;

namespace ZodiaCore.IdentityService.Downstream;

/// <summary>
/// The services that hold data about a user (<c>Identity:UserDataServices</c>, default charts and interpretation),
/// called through named HttpClients (<c>http://&lt;name&gt;</c>, service discovery) at their idempotent
/// <c>DELETE /internal/users/{id}</c> and <c>GET /internal/users/{id}/export</c>. The services are asked at once, each
/// within its client's <see cref="HttpClient.Timeout"/> (<see cref="ReadDeadline"/>), so a user waits for the slowest of
/// them, never for their sum.
/// </summary>
public sealed partial class UserDataServices(IHttpClientFactory httpClientFactory, IConfiguration configuration, ILogger<UserDataServices> logger)
{
    public const string SectionName = "Identity:UserDataServices";

    public const string DeadlineSetting = "Identity:UserDataDeadline";

    /// <summary>
    /// How long one service may take by default to delete or export a user's data, retries and reading its answer
    /// included (the named clients' <see cref="HttpClient.Timeout"/>, which also covers buffering the body). An export
    /// reads the user's whole history, which takes a service well under a second; a service that has not answered in
    /// 10 s is down, and the user is better told so (503, or a deletion left pending for the maintenance pass) than
    /// held for the standard resilience handler's 30 s, or HttpClient's default 100 s when the answer's body stalls
    /// (the handler's timeouts end once the headers arrive). It stays under the gateway's timeout for identity's
    /// routes (15 s), so the caller gets this answer rather than the gateway's 504.
    /// </summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public static IReadOnlyList<string> DefaultNames { get; } = ["charts", "interpretation"];

    public IReadOnlyList<string> Names { get; } = ReadNames(configuration);

    public static IReadOnlyList<string> ReadNames(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        if (section.Value is { } text)
        {
            return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var names = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToArray();
        return names.Length > 0 ? names : DefaultNames;
    }

    /// <exception cref="InvalidOperationException">The setting is not a positive time span.</exception>
    public static TimeSpan ReadDeadline(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[DeadlineSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultDeadline;
        }

        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var deadline) && deadline > TimeSpan.Zero
            ? deadline
            : throw new InvalidOperationException($"{DeadlineSetting} must be a positive time span such as 00:00:10.");
    }

    /// <summary>Deletes the user's data in every service; returns the services that did not confirm.</summary>
    public async Task<IReadOnlyList<string>> DeleteUserDataAsync(string userId, CancellationToken cancellationToken)
    {
        var confirmed = await Task.WhenAll(Names.Select(name => DeleteAtAsync(name, userId, cancellationToken))).ConfigureAwait(false);
        return Names.Where((_, i) => !confirmed[i]).ToArray();
    }

    /// <summary>Each service's export of the user's data; null when a service could not answer.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>?> ExportUserDataAsync(string userId, CancellationToken cancellationToken)
    {
        // One failure makes the whole export unusable, so it also ends the calls still under way.
        using var anyFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exports = await Task.WhenAll(Names.Select(name => ExportAtAsync(name, userId, anyFailed, cancellationToken))).ConfigureAwait(false);
        if (exports.Any(e => e is null))
        {
            return null;
        }

        return Names.Select((name, i) => (name, export: exports[i]!.Value)).ToDictionary(e => e.name, e => e.export);
    }

    private async Task<bool> DeleteAtAsync(string name, string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClientFactory.CreateClient(name)
                .DeleteAsync(new Uri($"/internal/users/{Uri.EscapeDataString(userId)}", UriKind.Relative), cancellationToken)
                .ConfigureAwait(false);
            // 404 means nothing is held for this user: already deleted, which is success for an idempotent delete.
            if (response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return true;
            }

            LogRefused(logger, name, "delete", (int)response.StatusCode);
            return false;
        }
        catch (Exception exception) when (IsFailedCall(exception))
        {
            LogFailed(logger, name, "delete", Reason(exception));
            return false;
        }
    }

    private async Task<JsonElement?> ExportAtAsync(string name, string userId, CancellationTokenSource anyFailed, CancellationToken cancellationToken)
    {
        try
        {
            // Read in full within the client's Timeout (GetAsync buffers the body), then parsed from memory.
            using var response = await httpClientFactory.CreateClient(name)
                .GetAsync(new Uri($"/internal/users/{Uri.EscapeDataString(userId)}/export", UriKind.Relative), anyFailed.Token)
                .ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return JsonDocument.Parse("null").RootElement.Clone();
            }

            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, name, "export", (int)response.StatusCode);
                await anyFailed.CancelAsync().ConfigureAwait(false);
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(anyFailed.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: anyFailed.Token).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (Exception exception) when (IsFailedCall(exception))
        {
            // A call ended because another service already failed is not a failure of its own.
            if (!anyFailed.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, name, "export", Reason(exception));
            }

            await anyFailed.CancelAsync().ConfigureAwait(false);
            return null;
        }
    }

    private static bool IsFailedCall(Exception exception) =>
        exception is HttpRequestException or OperationCanceledException or JsonException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;

    // HttpClient reports its Timeout as a cancellation caused by a TimeoutException.
    private static string Reason(Exception exception) =>
        exception is TaskCanceledException { InnerException: TimeoutException } ? "no answer within the deadline" : exception.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} answered {Status} to a user data {Operation}")]
    private static partial void LogRefused(ILogger logger, string service, string operation, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service {Service} did not complete a user data {Operation}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string service, string operation, string reason);
}
