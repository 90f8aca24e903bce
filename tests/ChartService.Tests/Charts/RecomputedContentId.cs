using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Tests.Charts;

/// <summary>
/// A request's content id computed outside the service: with a key, as the service must, and without one, as anyone
/// holding only the birth data could.
/// </summary>
internal static class RecomputedContentId
{
    public static NatalChartRequest Parse(string json) =>
        JsonSerializer.Deserialize(json, ChartJsonContext.Default.NatalChartRequest)!;

    public static string WithKey(string base64Key, NatalChartRequest request)
    {
        var chart = Prepare(request);
        var ids = new ContentId(new ContentHasher(new EncryptionKeyRing(EncryptionKey.FromBase64(base64Key))));
        return ids.Of(chart.Moment, chart.Location, chart.Settings);
    }

    /// <summary>The plain SHA-256 of the same normalised text, in the same format: what an unkeyed id would be.</summary>
    public static string WithoutKey(NatalChartRequest request)
    {
        var chart = Prepare(request);
        var text = ContentId.NormalizedText(chart.Moment, chart.Location, chart.Settings);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    private static PreparedChart Prepare(NatalChartRequest request) => Engine.Builder.Prepare(request, "").Value!;
}
