using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ZodiaCore.FieldEncryption;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Tests.Tokens;

public class SigningKeyRingTests : IDisposable
{
    private readonly TokenTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private Task<IReadOnlyList<SigningKey>> Published() => _kit.Ring.GetPublishedKeysAsync(forceReload: true, CancellationToken.None).AsTask();

    [Fact]
    public async Task On_first_start_a_key_is_generated_and_signs_at_once()
    {
        var signing = await _kit.Ring.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal([signing.KeyId], (await Published()).Select(k => k.KeyId));
        Assert.Single(await _kit.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_generated_key_survives_a_restart()
    {
        var first = await _kit.Ring.GetSigningKeyAsync(CancellationToken.None);
        using var restarted = new SigningKeyRing(_kit.Store, _kit.Encryptor,
            new ConfiguredSigningKeys(new ConfigurationBuilder().Build()),
            Options.Create(_kit.Options), _kit.Time, NullLogger<SigningKeyRing>.Instance);

        Assert.Equal(first.KeyId, (await restarted.GetSigningKeyAsync(CancellationToken.None)).KeyId);
    }

    [Fact]
    public async Task A_successor_is_published_before_it_signs_and_the_old_key_stays_until_its_tokens_expire()
    {
        var first = await _kit.Ring.GetSigningKeyAsync(CancellationToken.None);

        _kit.Time.Advance(_kit.Options.SigningKeyLifetime);
        var afterLifetime = await Published();
        Assert.Equal(2, afterLifetime.Count);
        Assert.Equal(first.KeyId, (await _kit.Ring.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        var successor = afterLifetime.Single(k => k.KeyId != first.KeyId);

        _kit.Time.Advance(_kit.Options.SigningKeyPublishLead);
        await Published();
        Assert.Equal(successor.KeyId, (await _kit.Ring.GetSigningKeyAsync(CancellationToken.None)).KeyId);
        Assert.Contains(first.KeyId, (await Published()).Select(k => k.KeyId));

        _kit.Time.Advance(_kit.Options.MaxTokenLifetime + TokenValidation.ClockSkew + TimeSpan.FromSeconds(1));
        Assert.Equal([successor.KeyId], (await Published()).Select(k => k.KeyId));
        Assert.Single(await _kit.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_stored_private_key_is_encrypted_and_bound_to_its_key_id()
    {
        await _kit.Ring.GetSigningKeyAsync(CancellationToken.None);
        var record = (await _kit.Store.ListAsync(CancellationToken.None)).Single();

        Assert.Throws<FieldDecryptionException>(() => _kit.Encryptor.Decrypt(record.PrivateKeyCiphertext, "another-kid", "privateKey"));
        var otherRing = new FieldEncryptor(new EncryptionKeyRing(EncryptionKey.Generate()));
        Assert.Throws<FieldDecryptionException>(() => otherRing.Decrypt(record.PrivateKeyCiphertext, record.KeyId, "privateKey"));
    }

    [Fact]
    public async Task Configured_keys_are_used_instead_of_generated_ones()
    {
        using var kit = new TokenTestKit(configuredPem: TokenTestKit.NewPem() + "\n" + TokenTestKit.NewPem());

        var published = await kit.Ring.GetPublishedKeysAsync(false, CancellationToken.None);
        var signing = await kit.Ring.GetSigningKeyAsync(CancellationToken.None);

        Assert.Equal(2, published.Count);
        Assert.Equal(published[0].KeyId, signing.KeyId);
        Assert.Empty(await kit.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public void A_public_key_configured_as_a_signing_key_stops_start_up()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new(ConfiguredSigningKeys.SectionName, rsa.ExportSubjectPublicKeyInfoPem())])
            .Build();

        var ex = Assert.Throws<InvalidOperationException>(() => { _ = new ConfiguredSigningKeys(configuration); });

        Assert.Contains(ConfiguredSigningKeys.SectionName, ex.Message, StringComparison.Ordinal);
    }
}
