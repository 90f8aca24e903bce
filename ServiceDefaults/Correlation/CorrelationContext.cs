using Microsoft.AspNetCore.Http;

namespace ZodiaCore.ServiceDefaults.Correlation;

/// <summary>The correlation id chosen for the current request.</summary>
public static class CorrelationContext
{
    private static readonly object ItemKey = new();

    public static string? Current(HttpContext? context) =>
        context?.Items.TryGetValue(ItemKey, out var value) == true ? value as string : null;

    internal static void Set(HttpContext context, string correlationId) => context.Items[ItemKey] = correlationId;
}
