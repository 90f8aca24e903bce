namespace ZodiaCore.InterpretationService.Storage;

/// <summary>One page of a list, the shape every ZodiaCore list answers with.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public PagedResult<TOut> Select<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToArray(), Page, PageSize, Total);
}
