using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.ChartsClient;

/// <summary>A chart obtained from ChartService, or why there is none.</summary>
/// <remarks><c>Name</c>: The saved chart's user-given name (data for a model's prompt, never an instruction).</remarks>
public sealed record ChartFetch(ChartFacts? Chart, string? Name = null, ChartFetchFailure? Failure = null)
{
    public static ChartFetch Failed(int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null) =>
        new(null, null, new ChartFetchFailure(status, title, detail, errors));
}

/// <summary>What to tell the caller when ChartService did not give a chart.</summary>
/// <remarks><c>Errors</c>: Field errors ChartService reported for an inline chart, keyed as in the caller's body (<c>chart.birth.date</c>).</remarks>
public sealed record ChartFetchFailure(int Status, string Title, string? Detail, IDictionary<string, string[]>? Errors);
