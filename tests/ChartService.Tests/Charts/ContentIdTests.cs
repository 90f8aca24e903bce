using System.Security.Cryptography;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Time;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Tests.Charts;

public sealed class ContentIdTests
{
    private static readonly NatalChartRequest London = new(
        new BirthInput("1990-05-15", "14:30", "Europe/London"),
        new LocationInput(51.5074, -0.1278, 0, "London"));

    private static readonly PreparedChart Chart = Engine.Builder.Prepare(London, "").Value!;

    [Fact]
    public void Content_id_depends_on_the_encryption_key()
    {
        var material = RandomNumberGenerator.GetBytes(EncryptionKey.KeySizeBytes);

        // Two instances over the same key stand for two replicas, or one service before and after a restart.
        var replica = IdUnder(new EncryptionKeyRing(new EncryptionKey(material)));
        var otherReplica = IdUnder(new EncryptionKeyRing(new EncryptionKey(material)));
        var otherKey = IdUnder(new EncryptionKeyRing(EncryptionKey.Generate()));

        Assert.Equal(replica, otherReplica);
        Assert.NotEqual(replica, otherKey);
    }

    [Fact]
    public void After_a_key_rotation_the_content_id_follows_the_new_current_key()
    {
        var oldKey = EncryptionKey.Generate();
        var newKey = EncryptionKey.Generate();

        var rotated = IdUnder(new EncryptionKeyRing(newKey, [oldKey]));

        Assert.Equal(IdUnder(new EncryptionKeyRing(newKey)), rotated);
        Assert.NotEqual(IdUnder(new EncryptionKeyRing(oldKey)), rotated);
    }

    [Fact]
    public void The_content_id_keeps_its_format_of_32_lower_case_hex_characters()
    {
        Assert.Matches("^[0-9a-f]{32}$", Chart.ContentId);
    }

    [Fact]
    public void The_content_id_is_not_the_plain_SHA_256_of_the_normalised_input()
    {
        Assert.NotEqual(RecomputedContentId.WithoutKey(London), Chart.ContentId);
    }

    private static string IdUnder(EncryptionKeyRing keys) =>
        new ContentId(new ContentHasher(keys)).Of(Chart.Moment, Chart.Location, Chart.Settings);
}
