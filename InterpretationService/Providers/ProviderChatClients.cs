using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// Builds the <see cref="IChatClient"/> of a provider over a fresh HttpClient from the factory, so every SDK sends
/// through that provider's resilience pipeline. The SDKs' own retries are off: retries are counted once, in the pipeline.
/// </summary>
public sealed class ProviderChatClients(IHttpClientFactory httpClientFactory, IOptionsMonitor<ProviderResilienceOptions> resilience)
{
    public IChatClient Create(AiProviderSettings provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var http = httpClientFactory.CreateClient(provider.HttpClientName);

        // The pipeline's total timeout governs; the SDKs' own clocks only need to stay out of its way.
        var sdkTimeout = resilience.Get(provider.Name).TotalTimeout + TimeSpan.FromSeconds(5);
        return provider.Name switch
        {
            AiProviderNames.Anthropic => new AnthropicClient
            {
                ApiKey = provider.ApiKey,
                BaseUrl = provider.BaseUrl.ToString().TrimEnd('/'),
                HttpClient = http,
                MaxRetries = 0,
                Timeout = sdkTimeout,
            }.AsIChatClient(provider.Model),

            // Google's Gemini speaks the OpenAI wire format at its /v1beta/openai/ endpoint.
            _ => new ChatClient(
                provider.Model,
                new ApiKeyCredential(provider.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = provider.BaseUrl,
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = sdkTimeout,
                }).AsIChatClient(),
        };
    }
}
