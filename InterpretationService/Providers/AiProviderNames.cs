using ZodiaCore.InterpretationService.BuiltIn;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>The provider names used in configuration, requests, responses and metric tags.</summary>
public static class AiProviderNames
{
    public const string OpenAI = "openai";
    public const string Anthropic = "anthropic";
    public const string Google = "google";
    public const string BuiltIn = BuiltInInterpreter.Provider;

    /// <summary>The language-model providers, in the default failover order.</summary>
    public static IReadOnlyList<string> LanguageModels { get; } = [OpenAI, Anthropic, Google];

    /// <summary>Normalises a provider name from a request or configuration; false for anything unknown (the caller answers 400).</summary>
    public static bool TryNormalize(string? value, out string name)
    {
        var trimmed = value?.Trim().ToLowerInvariant();
        name = trimmed switch
        {
            OpenAI or Anthropic or Google or BuiltIn => trimmed,
            "gemini" => Google,
            _ => string.Empty,
        };
        return name.Length > 0;
    }
}
