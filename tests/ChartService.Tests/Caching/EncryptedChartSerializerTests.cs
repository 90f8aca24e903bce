using System.Buffers;
using System.Text;
using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Time;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Tests.Caching;

public sealed class EncryptedChartSerializerTests
{
    // The chart as the engine computed it, not as read back from JSON: the round trip must return what the engine produced.
    private static readonly ChartResponse Chart = Engine.Builder.Build(new NatalChartRequest(
        new BirthInput("1990-05-15", "14:30", "Europe/London"), new LocationInput(51.5074, -0.1278))).Value!;

    private static readonly CachedChart Cached = new(Chart);

    private static readonly EncryptedChartSerializer Serializer = new(new FieldEncryptor(new EncryptionKeyRing(EncryptionKey.Generate())));

    private static byte[] Serialize(EncryptedChartSerializer serializer, CachedChart chart)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Serialize(chart, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    public void A_cached_chart_round_trips_to_an_equal_chart()
    {
        var back = Serializer.Deserialize(new ReadOnlySequence<byte>(Serialize(Serializer, Cached)));

        var read = back.ReadChart();

        Assert.Equal(Chart.ContentId, back.ContentId);
        Assert.Equal(Chart.Bodies, read.Bodies);
        Assert.Equal(Chart.Houses!.Cusps, read.Houses!.Cusps);
        Assert.Equal(Chart.Angles, read.Angles);
        Assert.Equal(Chart.Aspects, read.Aspects);
        Assert.Equal(Chart.Utc, read.Utc);
        Assert.Equal(Chart.JulianDayUt, read.JulianDayUt);
        Assert.Equal(Cached.Json.ToArray(), back.Json.ToArray());
    }

    [Fact]
    public void The_cached_bytes_hold_neither_the_birth_moment_nor_any_position()
    {
        var text = Encoding.UTF8.GetString(Serialize(Serializer, Cached));

        Assert.DoesNotContain("1990-05-15", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Chart.Bodies[0].Formatted, text, StringComparison.Ordinal);
        Assert.DoesNotContain("longitude", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_altered_entry_is_refused()
    {
        var bytes = Serialize(Serializer, Cached);
        bytes[^20] ^= 0x40;

        Assert.Throws<FieldDecryptionException>(() => Serializer.Deserialize(new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void An_entry_relabelled_with_another_content_id_is_refused()
    {
        var bytes = Serialize(Serializer, Cached);
        bytes[1] = bytes[1] == (byte)'a' ? (byte)'b' : (byte)'a';

        Assert.Throws<FieldDecryptionException>(() => Serializer.Deserialize(new ReadOnlySequence<byte>(bytes)));
    }

    [Fact]
    public void An_entry_whose_chart_names_another_content_id_is_refused()
    {
        var mislabelled = new CachedChart("0123456789abcdef", Cached.Json.ToArray());

        Assert.Throws<FieldDecryptionException>(() => Serializer.Deserialize(new ReadOnlySequence<byte>(Serialize(Serializer, mislabelled))));
    }

    [Fact]
    public void An_entry_written_under_another_key_is_refused()
    {
        var otherKey = new EncryptedChartSerializer(new FieldEncryptor(new EncryptionKeyRing(EncryptionKey.Generate())));

        Assert.Throws<FieldDecryptionException>(() => Serializer.Deserialize(new ReadOnlySequence<byte>(Serialize(otherKey, Cached))));
    }
}
