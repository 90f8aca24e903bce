using System.Security.Cryptography;
using System.Text;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>
/// Service clients allowed to obtain service tokens, from configuration <c>Identity:Clients:&lt;id&gt;</c> with
/// either <c>Secret</c> (the value, from an Aspire parameter or secret store) or <c>SecretHash</c>
/// (lower-case hex SHA-256 of the secret). Secrets are random and long, so SHA-256 is enough.
/// </summary>
public sealed class ClientCredentials
{
    public const string SectionName = "Identity:Clients";
    public const int MinSecretLength = 16;

    private readonly Dictionary<string, byte[]> _secretHashes = new(StringComparer.Ordinal);

    public ClientCredentials(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var client in configuration.GetSection(SectionName).GetChildren())
        {
            if (client["SecretHash"] is { Length: > 0 } hex)
            {
                try
                {
                    _secretHashes[client.Key] = Convert.FromHexString(hex);
                }
                catch (FormatException ex)
                {
                    throw new InvalidOperationException($"{SectionName}:{client.Key}:SecretHash must be hex SHA-256.", ex);
                }
            }
            else if (client["Secret"] is { Length: > 0 } secret)
            {
                if (secret.Length < MinSecretLength)
                {
                    throw new InvalidOperationException($"{SectionName}:{client.Key}:Secret must have at least {MinSecretLength} characters.");
                }

                _secretHashes[client.Key] = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
            }
        }
    }

    public IReadOnlyCollection<string> ClientIds => _secretHashes.Keys;

    /// <summary>Constant-time check of a client's secret; unknown clients cost the same.</summary>
    public bool Verify(string? clientId, string? secret)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty));
        var known = clientId is not null && _secretHashes.TryGetValue(clientId, out var expected);
        var match = CryptographicOperations.FixedTimeEquals(presented, known ? _secretHashes[clientId!] : new byte[presented.Length]);
        return known && match && !string.IsNullOrEmpty(secret);
    }
}
