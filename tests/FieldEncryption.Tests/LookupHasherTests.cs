using System.Security.Cryptography;
using System.Text;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.FieldEncryption.Tests;

public class LookupHasherTests
{
    [Fact]
    public void The_same_value_hashes_the_same_under_the_same_key()
    {
        var hasher = new LookupHasher(new EncryptionKeyRing(EncryptionKey.Generate()));

        Assert.Equal(hasher.Hash("alice@example.com"), hasher.Hash("alice@example.com"));
        Assert.NotEqual(hasher.Hash("alice@example.com"), hasher.Hash("bob@example.com"));
    }

    [Fact]
    public void The_hash_depends_on_the_key_so_it_cannot_be_precomputed_from_a_wordlist()
    {
        var a = new LookupHasher(new EncryptionKeyRing(EncryptionKey.Generate()));
        var b = new LookupHasher(new EncryptionKeyRing(EncryptionKey.Generate()));

        Assert.NotEqual(a.Hash("alice@example.com"), b.Hash("alice@example.com"));
    }

    [Fact]
    public void The_hash_is_HMAC_SHA256_under_an_HKDF_key_not_the_encryption_key_itself()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        var hasher = new LookupHasher(new EncryptionKeyRing(new EncryptionKey(material)));
        var value = Encoding.UTF8.GetBytes("alice@example.com");

        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, [],
            Encoding.ASCII.GetBytes("zodiacore/field-encryption/lookup-hash/v1"));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(derived, value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var withRawKey = Convert.ToBase64String(HMACSHA256.HashData(material, value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(expected, hasher.Hash("alice@example.com"));
        Assert.NotEqual(withRawKey, hasher.Hash("alice@example.com"));
    }

    [Fact]
    public void During_rotation_lookups_try_the_current_key_first_then_old_keys()
    {
        var oldKey = EncryptionKey.Generate();
        var newKey = EncryptionKey.Generate();
        var storedBeforeRotation = new LookupHasher(new EncryptionKeyRing(oldKey)).Hash("alice@example.com");
        var rotating = new LookupHasher(new EncryptionKeyRing(newKey, [oldKey]));

        var candidates = rotating.CandidateHashes("alice@example.com");

        Assert.Equal(rotating.Hash("alice@example.com"), candidates[0]);
        Assert.Equal(storedBeforeRotation, candidates[1]);
    }
}
