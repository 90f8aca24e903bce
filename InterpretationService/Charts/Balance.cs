namespace ZodiaCore.InterpretationService.Charts;

/// <summary>ChartService's <c>elements</c>: how many (or how much weight of) the chart's points fall in each element.</summary>
public sealed record ElementBalance(double Fire, double Earth, double Air, double Water);

/// <summary>ChartService's <c>modalities</c>, counted like <see cref="ElementBalance"/>.</summary>
public sealed record ModalityBalance(double Cardinal, double Fixed, double Mutable);
