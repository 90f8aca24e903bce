using System.Text;

namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>
/// Deterministic choice of phrasing: the same chart always reads the same, different charts read differently,
/// and consecutive sentences of one kind rotate through their frames instead of repeating an opening.
/// </summary>
internal sealed class Variety(string seed)
{
    // FNV-1a: string.GetHashCode is randomised per process, which would make the text change between runs.
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    // FNV-1a runs byte by byte, so the seed (a few hundred characters of positions) is hashed once and each family
    // continues from there: the same value as hashing seed + "|" + family whole.
    private readonly ulong seedHash = Continue(OffsetBasis, seed + "|");

    /// <summary>A stable starting point in [0, count) for a family of sentences ("planets", "aspects"…).</summary>
    public int Start(string family, int count) => (int)(Continue(seedHash, family) % (ulong)count);

    /// <summary>The <paramref name="index"/>-th choice of a family, rotating from its stable start.</summary>
    public T Pick<T>(string family, IReadOnlyList<T> options, int index) =>
        options[(Start(family, options.Count) + index) % options.Count];

    private static ulong Continue(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
