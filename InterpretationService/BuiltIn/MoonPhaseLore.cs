namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>The eight lunar phases by the Moon's distance ahead of the Sun.</summary>
/// <remarks>
/// <para><c>Name</c>: Lower case, with article: "a waxing crescent Moon".</para>
/// <para><c>Meaning</c>: A clause beginning with "you".</para>
/// </remarks>
internal sealed record MoonPhaseLore(double StartsAt, string Name, string Meaning);

internal static class MoonPhaseKnowledge
{
    private static readonly MoonPhaseLore[] Lore =
    [
        new(0, "a new Moon", "you tend to meet life instinctively, with the feeling of beginning things fresh"),
        new(45, "a waxing crescent Moon", "you push forward against old habits to make room for something new"),
        new(90, "a first quarter Moon", "you grow through moments of decision, building under pressure"),
        new(135, "a waxing gibbous Moon", "you refine and perfect, always asking how something could work better"),
        new(180, "a full Moon", "you come to know yourself through others and work to reconcile opposing pulls"),
        new(225, "a disseminating Moon", "you want to share what you have learned and hand it on"),
        new(270, "a last quarter Moon", "you question inherited beliefs and turn toward what should come next"),
        new(315, "a balsamic Moon", "you carry a feel for endings and letting go, preparing the ground for what follows"),
    ];

    /// <remarks>
    /// <para><c>elongation</c>: Moon minus Sun, in degrees (any value).</para>
    /// </remarks>
    public static MoonPhaseLore ForElongation(double elongation)
    {
        var angle = ((elongation % 360.0) + 360.0) % 360.0;
        return Lore.Last(phase => phase.StartsAt <= angle);
    }
}
