using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.FieldEncryption;

public static class FieldEncryptionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EncryptionKeyRing"/>, <see cref="FieldEncryptor"/>, <see cref="LookupHasher"/>, <see cref="ContentHasher"/> and <see cref="CiphertextReEncryption"/>
    /// as singletons, reading <c>ENCRYPTION_KEY</c> and <c>ENCRYPTION_OLD_KEYS</c> from configuration.
    /// </summary>
    /// <remarks>
    /// The keys are parsed on first use, so a service can report a missing key together with its other required
    /// settings (validate <c>ENCRYPTION_KEY</c> with <see cref="EncryptionKeyRing.IsValidKey"/>); a bad key then
    /// fails with a message naming the setting, never the key.
    /// </remarks>
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => EncryptionKeyRing.FromConfiguration(configuration));
        services.AddSingleton<FieldEncryptor>();
        services.AddSingleton<LookupHasher>();
        services.AddSingleton<ContentHasher>();
        services.AddSingleton<CiphertextReEncryption>();
        return services;
    }
}
