namespace ZodiaCore.ServiceDefaults.Apis;

/// <summary>The paging rules every list follows: <c>?page=</c> from 1, <c>?pageSize=</c> 1 to 100 (default 20).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static Dictionary<string, string[]> Check(int? page, int? pageSize, out int resolvedPage, out int resolvedPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        resolvedPage = page ?? 1;
        resolvedPageSize = pageSize ?? DefaultPageSize;
        if (resolvedPage < 1)
        {
            errors["page"] = ["page starts at 1."];
        }

        if (resolvedPageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        }

        return errors;
    }
}
