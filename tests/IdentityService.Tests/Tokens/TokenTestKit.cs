using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ZodiaCore.FieldEncryption;
using ZodiaCore.IdentityService.Storage.LiteDb;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Tests.Tokens;

/// <summary>A signing key ring over a temporary LiteDB file, with a fake clock.</summary>
internal sealed class TokenTestKit : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zodiacore-tokens-").FullName;

    public TokenTestKit(IdentityTokenOptions? options = null, string? configuredPem = null, FakeTimeProvider? time = null)
    {
        Options = options ?? new IdentityTokenOptions();
        Time = time ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        Database = new IdentityLiteDatabase(Path.Combine(_directory, IdentityLiteDatabase.FileName));
        Store = new LiteDbSigningKeyStore(Database);
        Encryptor = new FieldEncryptor(new EncryptionKeyRing(EncryptionKey.Generate()));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(ConfiguredSigningKeys.SectionName, configuredPem)])
            .Build();
        Ring = new SigningKeyRing(Store, Encryptor, new ConfiguredSigningKeys(configuration),
            Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SigningKeyRing>.Instance);
        Issuer = new TokenIssuer(Ring, new ServiceDefaults.Authentication.TokenRevocations(Time), Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public IdentityTokenOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public IdentityLiteDatabase Database { get; }

    public LiteDbSigningKeyStore Store { get; }

    public FieldEncryptor Encryptor { get; }

    public SigningKeyRing Ring { get; }

    public TokenIssuer Issuer { get; }

    public async Task<TokenValidationResult> ValidateAsync(string token, string? audience = null, string? issuer = null)
    {
        var keys = await Ring.GetValidationKeysAsync(forceReload: false, CancellationToken.None);
        var parameters = TokenValidation.CreateParameters(
            issuer ?? TokenValidation.DefaultIssuer, [audience ?? TokenValidation.DefaultAudience], keys);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    public static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    public void Dispose()
    {
        Ring.Dispose();
        Database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
