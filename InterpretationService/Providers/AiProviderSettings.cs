using Microsoft.Extensions.Configuration;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// One configured language-model provider. A class rather than a record so the API key never appears in a
/// generated <c>ToString()</c> that might end up in a log.
/// </summary>
public sealed class AiProviderSettings
{
    private AiProviderSettings(string name, string configurationSection, string model, Uri baseUrl, string apiKey)
    {
        Name = name;
        ConfigurationSection = configurationSection;
        Model = model;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
    }

    public string Name { get; }

    /// <summary>The provider's configuration section (<c>OpenAI</c>, <c>Anthropic</c>, <c>Google</c>): Model, BaseUrl and optional Resilience overrides.</summary>
    public string ConfigurationSection { get; }

    public string Model { get; }

    public Uri BaseUrl { get; }

    /// <summary>The name of the HttpClient (and its resilience pipeline) this provider talks through.</summary>
    public string HttpClientName => "ai-" + Name;

    internal string ApiKey { get; }

    public override string ToString() => $"{Name} ({Model} at {BaseUrl.Host})";

    /// <summary>The providers with an API key, in the configured order (<c>Interpretation:ProviderOrder</c>); none when no key is set.</summary>
    /// <exception cref="InvalidOperationException">The order names an unknown provider or a base URL is not an absolute http(s) URL.</exception>
    public static IReadOnlyList<AiProviderSettings> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = new List<AiProviderSettings>();
        foreach (var name in ReadOrder(configuration))
        {
            var (keyVariable, section, model, baseUrl) = Defaults(name);
            var apiKey = configuration[keyVariable];
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                continue;
            }

            var url = configuration[$"{section}:BaseUrl"] is { Length: > 0 } configuredUrl ? configuredUrl : baseUrl;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"{section}:BaseUrl must be an absolute http(s) URL.");
            }

            configured.Add(new AiProviderSettings(
                name,
                section,
                configuration[$"{section}:Model"] is { Length: > 0 } configuredModel ? configuredModel : model,
                uri,
                apiKey.Trim()));
        }

        return configured;
    }

    private static (string KeyVariable, string Section, string Model, string BaseUrl) Defaults(string name) => name switch
    {
        AiProviderNames.OpenAI => ("OPENAI_API_KEY", "OpenAI", "gpt-4o-mini", "https://api.openai.com/v1"),
        AiProviderNames.Anthropic => ("ANTHROPIC_API_KEY", "Anthropic", "claude-haiku-4-5", "https://api.anthropic.com"),
        AiProviderNames.Google => ("GOOGLE_API_KEY", "Google", "gemini-2.5-flash", "https://generativelanguage.googleapis.com/v1beta/openai/"),
        _ => throw new InvalidOperationException($"'{name}' is not a language-model provider."),
    };

    private static List<string> ReadOrder(IConfiguration configuration)
    {
        const string key = "Interpretation:ProviderOrder";
        var section = configuration.GetSection(key);
        var names = section.GetChildren().Any()
            ? section.GetChildren().Select(c => c.Value ?? string.Empty)
            : (section.Value ?? string.Join(',', AiProviderNames.LanguageModels)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var order = new List<string>();
        foreach (var entry in names)
        {
            if (!AiProviderNames.TryNormalize(entry, out var name) || name == AiProviderNames.BuiltIn)
            {
                throw new InvalidOperationException(
                    $"{key} lists '{entry}'; use a comma-separated list of {string.Join(", ", AiProviderNames.LanguageModels)}.");
            }

            if (!order.Contains(name))
            {
                order.Add(name);
            }
        }

        return order;
    }
}
