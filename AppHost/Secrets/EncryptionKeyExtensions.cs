using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;

namespace ZodiaCore.AppHost.Secrets;

/// <summary>
/// ENCRYPTION_KEY for the services: from Parameters:encryption-key when configured (production, CI secrets),
/// otherwise a development key of 32 random bytes generated once and kept beside the data it protects.
/// </summary>
public static class EncryptionKeyExtensions
{
    public const string ParameterName = "encryption-key";

    /// <summary>Adds the secret "encryption-key" parameter.</summary>
    public static IResourceBuilder<ParameterResource> AddEncryptionKey(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{ParameterName}"]))
        {
            return builder.AddParameter(ParameterName, secret: true);
        }

        // Kept with the data: a key lost while its ciphertexts remain would make them unreadable.
        var path = Path.Combine(dataDirectory, "keys", "encryption.key");
        return builder.AddParameter(ParameterName, () => LoadOrCreate(path), publishValueAsDefault: false, secret: true);
    }

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
