namespace ZodiaCore.InterpretationService.Charts;

/// <summary>One entry of ChartService's <c>aspects[]</c>.</summary>
/// <remarks>
/// <para><c>First</c>: Body name, as in <see cref="BodyNames"/>, or an angle such as <c>ascendant</c>.</para>
/// <para><c>Kind</c>: conjunction, opposition, trine, square, sextile, or a minor kind such as quincunx.</para>
/// <para><c>Angle</c>: The exact angle between the two bodies, in degrees.</para>
/// <para><c>Orb</c>: Distance from the exact aspect, in degrees.</para>
/// <para><c>Applying</c>: Null when a point's motion is not computed (aspects to the angles).</para>
/// <para><c>Separation</c>: The actual distance between the two points, in degrees.</para>
/// </remarks>
public sealed record ChartAspect(string First, string Second, string Kind, double Angle, double Orb, bool? Applying, double? Separation = null);
