using System.Buffers.Binary;

namespace ZodiaCore.Gateway.Caching;

/// <summary>
/// How often each recently seen request body was asked for, so the cache keeps only answers asked for more than once
/// (nginx's <c>proxy_cache_min_uses</c>): a stream of one-off charts then costs no copying into the cache and no
/// evictions. A fixed table of 65,536 slots (512 KB), each holding 48 bits of the body's hash and a count; a different
/// body landing in a slot replaces it. Updates race without locks: a lost count only delays storing by one request.
/// </summary>
public sealed class RecentRequestCounts
{
    private const int SlotBits = 16;
    private const long CountMask = 0xFFFF;
    private readonly long[] slots = new long[1 << SlotBits];

    /// <summary>Counts one more request for the body with this SHA-256 and returns its count (1 the first time).</summary>
    public int Increment(ReadOnlySpan<byte> sha256)
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(sha256);
        var index = (int)(value & ((1 << SlotBits) - 1));
        var tag = (long)(value & ~(ulong)CountMask); // the 48 bits of the hash above the slot index
        var current = Volatile.Read(ref slots[index]);
        var count = (current & ~CountMask) == tag ? (int)Math.Min((current & CountMask) + 1, CountMask) : 1;
        Volatile.Write(ref slots[index], tag | (uint)count);
        return count;
    }
}
