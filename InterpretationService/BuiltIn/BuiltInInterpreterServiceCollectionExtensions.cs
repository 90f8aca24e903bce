using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ZodiaCore.InterpretationService.BuiltIn;

public static class BuiltInInterpreterServiceCollectionExtensions
{
    /// <summary>Registers the offline <see cref="BuiltInInterpreter"/> as a singleton (it is stateless and thread-safe).</summary>
    public static IServiceCollection AddBuiltInInterpreter(this IServiceCollection services)
    {
        services.TryAddSingleton<BuiltInInterpreter>();
        return services;
    }
}
