using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ZodiaCore.IdentityService.Passwords;

/// <summary>
/// Argon2id password hashing in the PHC string format
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (base64 without padding).
/// </summary>
public sealed class PasswordHasher
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Prefix = "$argon2id$v=19$";

    private readonly Lazy<string> _dummyHash;

    public PasswordHasher(IOptions<PasswordHashOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Parameters = options.Value.ToParameters();
        if (!Parameters.IsAtLeast(Argon2Parameters.OwaspMinimum))
        {
            throw new InvalidOperationException(
                $"{PasswordHashOptions.SectionName} must be at least m={Argon2Parameters.OwaspMinimum.MemoryKiB} KiB, " +
                $"t={Argon2Parameters.OwaspMinimum.Iterations}, p={Argon2Parameters.OwaspMinimum.Parallelism}.");
        }

        // Verified against when the e-mail is unknown, so that path costs the same as a wrong password.
        _dummyHash = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    /// <summary>The parameters new hashes are made with.</summary>
    public Argon2Parameters Parameters { get; }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, Parameters, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={Parameters.MemoryKiB},t={Parameters.Iterations},p={Parameters.Parallelism}${ToBase64(salt)}${ToBase64(hash)}");
    }

    public PasswordVerification Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryReadHash(storedHash, out var parameters, out var salt, out var expected))
        {
            return PasswordVerification.Failed;
        }

        var actual = Compute(password, salt, parameters, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }

        return parameters.IsAtLeast(Parameters) ? PasswordVerification.Succeeded : PasswordVerification.SucceededRehashNeeded;
    }

    /// <summary>Spends the same work as <see cref="Verify"/> and always fails: for unknown accounts.</summary>
    public PasswordVerification VerifyAgainstDummy(string password)
    {
        Verify(password, _dummyHash.Value);
        return PasswordVerification.Failed;
    }

    /// <summary>Reads the parameters stored in a hash.</summary>
    public static bool TryReadHash(string stored, out Argon2Parameters parameters, out byte[] salt, out byte[] hash)
    {
        parameters = Argon2Parameters.OwaspMinimum;
        salt = [];
        hash = [];
        if (string.IsNullOrEmpty(stored) || !stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = stored[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        int? m = null, t = null, p = null;
        foreach (var pair in parts[0].Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": m = value; break;
                case "t": t = value; break;
                case "p": p = value; break;
                default: return false;
            }
        }

        if (m is null || t is null || p is null || !TryFromBase64(parts[1], out salt) || !TryFromBase64(parts[2], out hash)
            || salt.Length < 8 || hash.Length < 16)
        {
            return false;
        }

        parameters = new Argon2Parameters(m.Value, t.Value, p.Value);
        return true;
    }

    private static byte[] Compute(string password, byte[] salt, Argon2Parameters parameters, int length)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            using var argon2 = new Argon2id(passwordBytes)
            {
                Salt = salt,
                MemorySize = parameters.MemoryKiB,
                Iterations = parameters.Iterations,
                DegreeOfParallelism = parameters.Parallelism,
            };
            return argon2.GetBytes(length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    private static string ToBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryFromBase64(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
