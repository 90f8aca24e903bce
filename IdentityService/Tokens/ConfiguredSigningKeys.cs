using System.Globalization;
using System.Security.Cryptography;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>
/// Production signing keys from configuration (a secret), <c>Identity:SigningKeys</c>, in either shape:
/// <list type="bullet">
/// <item>a string of one or more PEM private keys (PKCS#8 or PKCS#1): the first signs, the others are only published;</item>
/// <item>an array of <c>{ Pem, ActivatesAt }</c>: the latest key whose <c>ActivatesAt</c> has passed signs, every key is published.</item>
/// </list>
/// When the section is empty, keys are generated into the store instead (development).
/// </summary>
public sealed class ConfiguredSigningKeys
{
    public const string SectionName = "Identity:SigningKeys";

    public ConfiguredSigningKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var keys = new List<SigningKey>();
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            var blocks = SplitPem(section.Value);
            for (var i = 0; i < blocks.Count; i++)
            {
                // Earlier entries get later activation so the first listed key signs.
                keys.Add(new SigningKey(Import(blocks[i], $"{SectionName}[{i}]"), DateTimeOffset.MinValue.AddTicks(blocks.Count - i)));
            }
        }

        foreach (var child in section.GetChildren())
        {
            var pem = child["Pem"];
            if (string.IsNullOrWhiteSpace(pem))
            {
                continue;
            }

            var activatesAt = DateTimeOffset.MinValue;
            if (child["ActivatesAt"] is { Length: > 0 } text
                && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out activatesAt))
            {
                throw new InvalidOperationException($"{SectionName}:{child.Key}:ActivatesAt is not an ISO-8601 date-time.");
            }

            keys.Add(new SigningKey(Import(pem, $"{SectionName}:{child.Key}:Pem"), activatesAt));
        }

        Keys = keys;
    }

    public IReadOnlyList<SigningKey> Keys { get; }

    private static RSA Import(string pem, string settingName)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            _ = rsa.ExportParameters(includePrivateParameters: true); // A public key alone cannot sign.
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{settingName} is not a PEM RSA private key.", ex);
        }

        if (rsa.KeySize < 2048)
        {
            rsa.Dispose();
            throw new InvalidOperationException($"{settingName} must be an RSA key of at least 2048 bits.");
        }

        return rsa;
    }

    private static List<string> SplitPem(string text)
    {
        const string End = "-----END ";
        var blocks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf(End, start, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }

            var close = text.IndexOf("-----", end + End.Length, StringComparison.Ordinal);
            var stop = close < 0 ? text.Length : close + 5;
            blocks.Add(text[start..stop]);
            start = stop;
        }

        if (blocks.Count == 0)
        {
            blocks.Add(text);
        }

        return blocks;
    }
}
