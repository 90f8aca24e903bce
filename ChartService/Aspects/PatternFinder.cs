using ZodiaCore.ChartService.Charts;

namespace ZodiaCore.ChartService.Aspects;

/// <summary>Finds stelliums, grand trines, T-squares, grand crosses, yods and kites among a handful of points.</summary>
public static class PatternFinder
{
    public const int StelliumSize = 3;

    public const int MaxPoints = 32;

    private const sbyte None = -1;

    // rules: the orbs to use; quincunx is looked for even if the chart does not list it, since yods need it.
    public static List<AspectPattern> Find(ReadOnlySpan<double> longitudes, ReadOnlySpan<AspectRule> rules)
    {
        var n = Math.Min(longitudes.Length, MaxPoints);
        Span<AspectRule> patternRules = stackalloc AspectRule[rules.Length + 1];
        rules.CopyTo(patternRules);
        var ruleCount = rules.Length;
        if (!Contains(rules, AspectKind.Quincunx))
        {
            patternRules[ruleCount++] = AspectKinds.Rule(AspectKind.Quincunx);
        }

        // relation[i * n + j]: the aspect kind between points i and j, or None.
        Span<sbyte> relation = stackalloc sbyte[n * n];
        relation.Fill(None);
        var active = patternRules[..ruleCount];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (AspectFinder.TryMatch(longitudes[i], double.NaN, longitudes[j], double.NaN, active, out var kind, out _, out _, out _))
                {
                    relation[(i * n) + j] = (sbyte)kind;
                    relation[(j * n) + i] = (sbyte)kind;
                }
            }
        }

        var patterns = new List<AspectPattern>();
        var r = new Relations(relation, n);
        AddStelliums(longitudes[..n], patterns);
        AddGrandCrossesAndTSquares(r, patterns);
        AddGrandTrinesAndKites(r, patterns);
        AddYods(r, patterns);
        return patterns;
    }

    private static bool Contains(ReadOnlySpan<AspectRule> rules, AspectKind kind)
    {
        foreach (var rule in rules)
        {
            if (rule.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddStelliums(ReadOnlySpan<double> longitudes, List<AspectPattern> patterns)
    {
        Span<int> perSign = stackalloc int[12];
        perSign.Clear();
        foreach (var longitude in longitudes)
        {
            perSign[Zodiac.SignIndex(longitude)]++;
        }

        for (var sign = 0; sign < 12; sign++)
        {
            if (perSign[sign] < StelliumSize)
            {
                continue;
            }

            var members = new int[perSign[sign]];
            var k = 0;
            for (var i = 0; i < longitudes.Length; i++)
            {
                if (Zodiac.SignIndex(longitudes[i]) == sign)
                {
                    members[k++] = i;
                }
            }

            patterns.Add(new AspectPattern(PatternKinds.Stellium, members, Sign: sign));
        }
    }

    private static void AddGrandCrossesAndTSquares(Relations r, List<AspectPattern> patterns)
    {
        var n = r.Count;
        var crosses = new List<int[]>();
        for (var a = 0; a < n; a++)
        {
            for (var c = a + 1; c < n; c++)
            {
                if (!r.Is(a, c, AspectKind.Opposition))
                {
                    continue;
                }

                // A second opposition whose ends square both ends of the first closes the cross.
                for (var b = a + 1; b < n; b++)
                {
                    for (var d = b + 1; d < n; d++)
                    {
                        if (b != c && d != c && r.Is(b, d, AspectKind.Opposition)
                            && r.Is(a, b, AspectKind.Square) && r.Is(a, d, AspectKind.Square)
                            && r.Is(c, b, AspectKind.Square) && r.Is(c, d, AspectKind.Square))
                        {
                            int[] set = [a, b, c, d];
                            Array.Sort(set);
                            crosses.Add(set);
                            patterns.Add(new AspectPattern(PatternKinds.GrandCross, set));
                        }
                    }
                }
            }
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (!r.Is(a, b, AspectKind.Opposition))
                {
                    continue;
                }

                for (var apex = 0; apex < n; apex++)
                {
                    if (apex != a && apex != b && r.Is(a, apex, AspectKind.Square) && r.Is(b, apex, AspectKind.Square)
                        && !InsideAny(crosses, a, b, apex))
                    {
                        patterns.Add(new AspectPattern(PatternKinds.TSquare, [a, b, apex], apex));
                    }
                }
            }
        }
    }

    private static void AddGrandTrinesAndKites(Relations r, List<AspectPattern> patterns)
    {
        var n = r.Count;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (!r.Is(a, b, AspectKind.Trine))
                {
                    continue;
                }

                for (var c = b + 1; c < n; c++)
                {
                    if (!r.Is(a, c, AspectKind.Trine) || !r.Is(b, c, AspectKind.Trine))
                    {
                        continue;
                    }

                    patterns.Add(new AspectPattern(PatternKinds.GrandTrine, [a, b, c]));
                    for (var d = 0; d < n; d++)
                    {
                        // The kite's tail opposes one corner and sextiles the other two.
                        if (d != a && d != b && d != c
                            && (IsKiteTail(r, d, a, b, c) || IsKiteTail(r, d, b, a, c) || IsKiteTail(r, d, c, a, b)))
                        {
                            patterns.Add(new AspectPattern(PatternKinds.Kite, [a, b, c, d], d));
                        }
                    }
                }
            }
        }
    }

    private static bool IsKiteTail(Relations r, int tail, int opposite, int side1, int side2) =>
        r.Is(tail, opposite, AspectKind.Opposition) && r.Is(tail, side1, AspectKind.Sextile) && r.Is(tail, side2, AspectKind.Sextile);

    private static void AddYods(Relations r, List<AspectPattern> patterns)
    {
        var n = r.Count;
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (!r.Is(a, b, AspectKind.Sextile))
                {
                    continue;
                }

                for (var apex = 0; apex < n; apex++)
                {
                    if (apex != a && apex != b && r.Is(a, apex, AspectKind.Quincunx) && r.Is(b, apex, AspectKind.Quincunx))
                    {
                        patterns.Add(new AspectPattern(PatternKinds.Yod, [a, b, apex], apex));
                    }
                }
            }
        }
    }

    private static bool InsideAny(List<int[]> sets, int a, int b, int c)
    {
        foreach (var set in sets)
        {
            if (Array.IndexOf(set, a) >= 0 && Array.IndexOf(set, b) >= 0 && Array.IndexOf(set, c) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private readonly ref struct Relations(Span<sbyte> relation, int count)
    {
        private readonly Span<sbyte> relation = relation;

        public int Count { get; } = count;

        public bool Is(int i, int j, AspectKind kind) => relation[(i * Count) + j] == (sbyte)kind;
    }
}
