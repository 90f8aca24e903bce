namespace ZodiaCore.InterpretationService.Providers;

/// <summary>The language-model providers that have an API key, in failover order.</summary>
public sealed class AiProviderCatalog(IReadOnlyList<AiProviderSettings> providers)
{
    public IReadOnlyList<AiProviderSettings> Providers { get; } = providers;

    public AiProviderSettings? Find(string name) => Providers.FirstOrDefault(p => p.Name == name);

    /// <summary>The sources to try for a request: the preferred provider first (if it has a key), then the others in order.</summary>
    /// <remarks>Preferring <c>builtin</c> plans no language model at all.</remarks>
    public IReadOnlyList<AiProviderSettings> Plan(string? preferred)
    {
        if (preferred is null)
        {
            return Providers;
        }

        return preferred == AiProviderNames.BuiltIn
            ? []
            : [.. Providers.Where(p => p.Name == preferred), .. Providers.Where(p => p.Name != preferred)];
    }
}
