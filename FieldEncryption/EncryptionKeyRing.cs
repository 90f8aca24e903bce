using Microsoft.Extensions.Configuration;

namespace ZodiaCore.FieldEncryption;

/// <summary>
/// The current key (encrypts and hashes) and the older keys still accepted for decryption and lookup
/// while a rotation re-encrypts stored records.
/// </summary>
public sealed class EncryptionKeyRing
{
    /// <summary>Configuration key of the current key: base64 of 32 random bytes.</summary>
    public const string CurrentKeySetting = "ENCRYPTION_KEY";

    /// <summary>
    /// Configuration key of the retired keys, newest first: one comma-separated string
    /// (<c>ENCRYPTION_OLD_KEYS=b64,b64</c>, friendly to environment variables and Aspire parameters)
    /// or an array section (<c>ENCRYPTION_OLD_KEYS__0</c>, <c>ENCRYPTION_OLD_KEYS__1</c>).
    /// </summary>
    public const string OldKeysSetting = "ENCRYPTION_OLD_KEYS";

    private readonly Dictionary<uint, EncryptionKey> _byId = [];

    public EncryptionKeyRing(EncryptionKey current, IEnumerable<EncryptionKey>? oldKeys = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        Current = current;
        var all = new List<EncryptionKey> { current };
        _byId[IdValue(current.IdSpan)] = current;

        foreach (var key in oldKeys ?? [])
        {
            if (_byId.TryGetValue(IdValue(key.IdSpan), out var existing))
            {
                if (existing.Material.SequenceEqual(key.Material))
                {
                    continue; // The same key listed twice (e.g. current also left in the old list) is harmless.
                }

                throw new InvalidOperationException(
                    $"Two different encryption keys share the id {key.IdText}; replace one of them.");
            }

            _byId[IdValue(key.IdSpan)] = key;
            all.Add(key);
        }

        All = all;
    }

    /// <summary>The key every new ciphertext and lookup hash uses.</summary>
    public EncryptionKey Current { get; }

    /// <summary>The current key first, then the old keys, newest first.</summary>
    public IReadOnlyList<EncryptionKey> All { get; }

    internal EncryptionKey? Find(ReadOnlySpan<byte> keyId) =>
        _byId.TryGetValue(IdValue(keyId), out var key) ? key : null;

    /// <summary>
    /// Reads <see cref="CurrentKeySetting"/> and <see cref="OldKeysSetting"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A setting is missing or malformed; the message names every faulty setting and never a key.
    /// </exception>
    public static EncryptionKeyRing FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();

        EncryptionKey? current = null;
        var currentText = configuration[CurrentKeySetting];
        if (string.IsNullOrWhiteSpace(currentText))
        {
            errors.Add($"{CurrentKeySetting} is required (base64 of 32 random bytes, e.g. `openssl rand -base64 32`).");
        }
        else
        {
            current = TryParse(currentText, CurrentKeySetting, errors);
        }

        var oldKeys = new List<EncryptionKey>();
        var oldTexts = ReadOldKeyTexts(configuration.GetSection(OldKeysSetting));
        for (var i = 0; i < oldTexts.Count; i++)
        {
            if (TryParse(oldTexts[i], $"{OldKeysSetting}[{i}]", errors) is { } key)
            {
                oldKeys.Add(key);
            }
        }

        if (errors.Count > 0 || current is null)
        {
            throw new InvalidOperationException("Invalid field-encryption settings: " + string.Join(" ", errors));
        }

        return new EncryptionKeyRing(current, oldKeys);
    }

    /// <summary>True when <paramref name="base64"/> is base64 of exactly 32 bytes (for start-up setting checks).</summary>
    public static bool IsValidKey(string? base64)
    {
        Span<byte> buffer = stackalloc byte[EncryptionKey.KeySizeBytes + 3];
        return base64 is not null && Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written == EncryptionKey.KeySizeBytes;
    }

    private static List<string> ReadOldKeyTexts(IConfigurationSection section)
    {
        var texts = new List<string>();
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            texts.AddRange(section.Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        texts.AddRange(section.GetChildren()
            .OrderBy(child => int.TryParse(child.Key, out var index) ? index : int.MaxValue)
            .Select(child => child.Value)
            .OfType<string>()
            .Where(value => !string.IsNullOrWhiteSpace(value)));
        return texts;
    }

    private static EncryptionKey? TryParse(string text, string settingName, List<string> errors)
    {
        try
        {
            return EncryptionKey.FromBase64(text);
        }
        catch (FormatException)
        {
            errors.Add($"{settingName} must be base64 of exactly {EncryptionKey.KeySizeBytes} bytes.");
            return null;
        }
    }

    private static uint IdValue(ReadOnlySpan<byte> keyId) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(keyId);
}
