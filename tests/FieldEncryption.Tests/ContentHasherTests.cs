using System.Security.Cryptography;
using System.Text;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.FieldEncryption.Tests;

public class ContentHasherTests
{
    [Fact]
    public void The_content_id_is_HMAC_SHA256_under_its_own_HKDF_key_not_the_lookup_key()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        var hasher = new ContentHasher(new EncryptionKeyRing(new EncryptionKey(material)));
        var value = Encoding.UTF8.GetBytes("v1|1990-05-15T13:30:00Z");

        static string Id(byte[] key, byte[] value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, value).AsSpan(0, 16));
        static byte[] Derived(byte[] material, string label) =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, [], Encoding.ASCII.GetBytes(label));

        var id = hasher.Hash("v1|1990-05-15T13:30:00Z");

        Assert.Equal(Id(Derived(material, "zodiacore/field-encryption/content-id/v1"), value), id);
        Assert.NotEqual(Id(Derived(material, "zodiacore/field-encryption/lookup-hash/v1"), value), id);
        Assert.NotEqual(Id(material, value), id);
    }
}
