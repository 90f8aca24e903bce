using System.Globalization;

namespace ZodiaCore.ServiceDefaults.Apis;

/// <summary>
/// The paging rules every list follows: <c>?page=</c> from 1 to <see cref="MaxPage"/>, <c>?pageSize=</c> 1 to 100 (default 20).
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // The stores skip (page - 1) * pageSize records as an int; this keeps that product in range for every page size.
    public const int MaxPage = 10_000_000;

    public static Dictionary<string, string[]> Check(int? page, int? pageSize, out int resolvedPage, out int resolvedPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        resolvedPage = page ?? 1;
        resolvedPageSize = pageSize ?? DefaultPageSize;
        if (resolvedPage is < 1 or > MaxPage)
        {
            errors["page"] = [string.Create(CultureInfo.InvariantCulture, $"page is between 1 and {MaxPage:N0}.")];
        }

        if (resolvedPageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is between 1 and {MaxPageSize}."];
        }

        return errors;
    }

    /// <summary>Records before <paramref name="page"/>; past the int range it stays past every record rather than wrapping.</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min((page - 1L) * pageSize, int.MaxValue);
}
