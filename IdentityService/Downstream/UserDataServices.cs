using System.Text.Json;

namespace ZodiaCore.IdentityService.Downstream;

/// <summary>
/// The services that hold data about a user (<c>Identity:UserDataServices</c>, default charts and interpretation),
/// called through named HttpClients (<c>http://&lt;name&gt;</c>, service discovery) at their idempotent
/// <c>DELETE /internal/users/{id}</c> and <c>GET /internal/users/{id}/export</c>.
/// </summary>
public sealed class UserDataServices(IHttpClientFactory httpClientFactory, IConfiguration configuration)
{
    public const string SectionName = "Identity:UserDataServices";

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

    /// <summary>Deletes the user's data in every service; returns the services that did not confirm.</summary>
    public async Task<IReadOnlyList<string>> DeleteUserDataAsync(string userId, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        foreach (var name in Names)
        {
            try
            {
                using var response = await httpClientFactory.CreateClient(name)
                    .DeleteAsync(new Uri($"/internal/users/{Uri.EscapeDataString(userId)}", UriKind.Relative), cancellationToken)
                    .ConfigureAwait(false);
                // 404 means nothing is held for this user: already deleted, which is success for an idempotent delete.
                if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.NotFound)
                {
                    failed.Add(name);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
            {
                failed.Add(name);
            }
        }

        return failed;
    }

    /// <summary>Each service's export of the user's data; null when a service could not answer.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>?> ExportUserDataAsync(string userId, CancellationToken cancellationToken)
    {
        var exports = new Dictionary<string, JsonElement>();
        foreach (var name in Names)
        {
            try
            {
                using var response = await httpClientFactory.CreateClient(name)
                    .GetAsync(new Uri($"/internal/users/{Uri.EscapeDataString(userId)}/export", UriKind.Relative), cancellationToken)
                    .ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    exports[name] = JsonDocument.Parse("null").RootElement.Clone();
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                exports[name] = document.RootElement.Clone();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
            {
                return null;
            }
        }

        return exports;
    }
}
