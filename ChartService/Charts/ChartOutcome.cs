namespace ZodiaCore.ChartService.Charts;

/// <summary>A problem the API answers with a non-validation status (422 ambiguity, polar refusal, 503 library missing).</summary>
public sealed record ChartProblem(int Status, string Title, string Detail, string Type, IDictionary<string, object?>? Extensions = null);

/// <summary>Either a value, validation errors keyed by field, or a problem.</summary>
public sealed record ChartOutcome<T>(T? Value, IDictionary<string, string[]>? Errors = null, ChartProblem? Problem = null)
    where T : class
{
    public ChartOutcome<TOther> Cast<TOther>()
        where TOther : class => new(null, Errors, Problem);
}

public static class ChartOutcome
{
    public static ChartOutcome<T> Invalid<T>(IDictionary<string, string[]> errors)
        where T : class => new(null, errors);

    public static ChartOutcome<T> Failed<T>(ChartProblem problem)
        where T : class => new(null, null, problem);
}
