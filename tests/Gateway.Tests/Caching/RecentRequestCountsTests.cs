using System.Security.Cryptography;
using System.Text;
using ZodiaCore.Gateway.Caching;

namespace ZodiaCore.Gateway.Tests.Caching;

public sealed class RecentRequestCountsTests
{
    private static byte[] Hash(string body) => SHA256.HashData(Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Each_body_is_counted_on_its_own()
    {
        var counts = new RecentRequestCounts();
        var first = Hash("first");
        var second = Hash("second");

        Assert.Equal(1, counts.Increment(first));
        Assert.Equal(2, counts.Increment(first));
        Assert.Equal(1, counts.Increment(second));
        Assert.Equal(3, counts.Increment(first));
        Assert.Equal(2, counts.Increment(second));
    }

    [Fact]
    public void A_body_landing_in_an_occupied_slot_starts_a_new_count_there()
    {
        var counts = new RecentRequestCounts();
        var first = Hash("first");
        // Same slot (the low 16 bits), different hash above it.
        var rival = (byte[])first.Clone();
        rival[7] ^= 0xFF;

        counts.Increment(first);
        counts.Increment(first);

        Assert.Equal(1, counts.Increment(rival));
        Assert.Equal(1, counts.Increment(first));
    }
}
