using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ZodiaCore.InterpretationService.BuiltIn;

namespace ZodiaCore.InterpretationService.Providers;

public static class InterpretationProvidersExtensions
{
    /// <summary>
    /// Registers the <see cref="InterpretationEngine"/>: each language-model provider with an API key (OPENAI_API_KEY,
    /// ANTHROPIC_API_KEY, GOOGLE_API_KEY) behind its own HttpClient and resilience pipeline, the built-in interpreter as
    /// the last fallback, the ZodiaCore.Interpretation metrics and the "ai-providers" health check.
    /// </summary>
    public static IHostApplicationBuilder AddInterpretationProviders(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var providers = AiProviderSettings.Read(builder.Configuration);

        services.AddBuiltInInterpreter();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new AiProviderCatalog(providers));
        services.AddSingleton<ProviderCircuitStates>();
        services.AddSingleton<InterpretationMetrics>();
        services.AddSingleton<ProviderChatClients>();
        services.AddSingleton<InterpretationEngine>();
        services.AddOptions<ProviderChainOptions>().BindConfiguration(ProviderChainOptions.SectionName);
        services.AddHealthChecks().AddCheck<AiProvidersHealthCheck>(AiProvidersHealthCheck.Name);

        foreach (var provider in providers)
        {
            var name = provider.Name;
            services.AddOptions<ProviderResilienceOptions>(name)
                .BindConfiguration(ProviderResilienceOptions.SectionName)
                .BindConfiguration($"{provider.ConfigurationSection}:Resilience");

            // The pipeline owns every timeout, so HttpClient's own 100 s must not cut in first.
#pragma warning disable EXTEXP0001 // experimental, but the supported way to swap the defaults' standard handler (10 s attempts, 100-call breaker) for one that fits LLM calls
            services.AddHttpClient(provider.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .RemoveAllResilienceHandlers()
                .AddHttpMessageHandler(() => new ProviderCallRecorder())
                .AddResilienceHandler("llm", (pipeline, context) => ProviderResiliencePipeline.Configure(
                    pipeline,
                    name,
                    context.ServiceProvider.GetRequiredService<IOptionsMonitor<ProviderResilienceOptions>>().Get(name),
                    context.ServiceProvider.GetRequiredService<ProviderCircuitStates>()));
#pragma warning restore EXTEXP0001
        }

        return builder;
    }
}
