using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WireMock.Server;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

/// <summary>
/// The real registration (<see cref="InterpretationProvidersExtensions.AddInterpretationProviders"/>) in a bare host whose
/// providers point at WireMock servers, with short timeouts so failure cases stay quick.
/// </summary>
internal sealed class ProviderTestHost : IDisposable
{
    private readonly IHost host;

    private ProviderTestHost(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public InterpretationEngine Engine => host.Services.GetRequiredService<InterpretationEngine>();

    public static ProviderTestHost Start(
        WireMockServer? openAi = null, WireMockServer? anthropic = null, string order = "openai,anthropic",
        IDictionary<string, string?>? overrides = null, ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Interpretation:ProviderOrder"] = order,
            // Generous, because a cold SDK on a loaded two-core CI box is slow; tests of timeouts shorten them for one provider.
            ["Interpretation:Resilience:TotalTimeout"] = "00:00:30",
            ["Interpretation:Resilience:AttemptTimeout"] = "00:00:10",
            ["Interpretation:Resilience:RetryDelay"] = "00:00:00.020",
            ["Interpretation:Resilience:MaxRetryAfter"] = "00:00:02",
            ["Interpretation:Resilience:BreakDuration"] = "00:00:02",
        };
        if (openAi is not null)
        {
            settings["OPENAI_API_KEY"] = FakeProviders.OpenAiKey;
            settings["OpenAI:BaseUrl"] = openAi.Url + "/v1";
            settings["OpenAI:Model"] = "gpt-test";
        }

        if (anthropic is not null)
        {
            settings["ANTHROPIC_API_KEY"] = FakeProviders.AnthropicKey;
            settings["Anthropic:BaseUrl"] = anthropic.Url;
            settings["Anthropic:Model"] = "claude-test";
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);

        // What ServiceDefaults does for every HttpClient; the provider clients must replace it with their own pipeline.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.Services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
            }
        });
        builder.Services.AddMetrics();
        builder.AddInterpretationProviders();
        return new ProviderTestHost(builder.Build());
    }

    public async Task<HealthReportEntry> CheckHealthAsync()
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Name == AiProvidersHealthCheck.Name, TestContext.Current.CancellationToken);
        return report.Entries[AiProvidersHealthCheck.Name];
    }

    public void Dispose() => host.Dispose();
}
