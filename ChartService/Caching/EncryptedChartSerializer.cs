using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.Caching;

/// <summary>
/// Writes cached charts to Redis encrypted like stored ones: a chart's positions and cusps give its birth moment
/// and place back. Layout: <c>length(1) | contentId (ASCII) | FieldEncryptor ciphertext</c>; the content id is a
/// keyed hash, already the cache key, and is needed in clear as the record id the ciphertext is bound to. The plaintext is
/// the chart's JSON as the API answers it, serialised once when the chart was computed; a hit from Redis
/// decrypts it and reads nothing but its content id.
/// </summary>
public sealed class EncryptedChartSerializer(FieldEncryptor encryptor) : IHybridCacheSerializer<CachedChart>
{
    public const string FieldName = "cache";

    public void Serialize(CachedChart value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(target);
        var sealedChart = encryptor.Encrypt(value.Json.Span, value.ContentId, FieldName);
        var idLength = Encoding.ASCII.GetByteCount(value.ContentId);
        if (idLength > byte.MaxValue)
        {
            throw new InvalidOperationException("A content id is a short hash; this one is too long to cache.");
        }

        var span = target.GetSpan(1 + idLength + sealedChart.Length);
        span[0] = (byte)idLength;
        Encoding.ASCII.GetBytes(value.ContentId, span[1..]);
        sealedChart.CopyTo(span[(1 + idLength)..]);
        target.Advance(1 + idLength + sealedChart.Length);
    }

    /// <exception cref="FieldDecryptionException">The entry was altered, or written with a key this service no longer holds.</exception>
    public CachedChart Deserialize(ReadOnlySequence<byte> source)
    {
        var bytes = source.IsSingleSegment ? source.FirstSpan : source.ToArray();
        if (bytes.Length < 2 || bytes.Length < 1 + bytes[0])
        {
            throw new FieldDecryptionException("The cached chart entry is truncated.");
        }

        var contentId = Encoding.ASCII.GetString(bytes.Slice(1, bytes[0]));
        var json = encryptor.Decrypt(bytes[(1 + bytes[0])..], contentId, FieldName);
        // The associated data already binds the id; this catches a chart cached under the wrong key by a bug.
        return ReadContentId(json) == contentId
            ? new CachedChart(contentId, json)
            : throw new FieldDecryptionException("The cached chart belongs to another content id.");
    }

    /// <summary>The top-level <c>contentId</c> of a chart's JSON (its first property), without reading the rest.</summary>
    private static string? ReadContentId(ReadOnlySpan<byte> json)
    {
        try
        {
            return ReadFirstContentId(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadFirstContentId(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isContentId = reader.ValueTextEquals("contentId"u8);
            if (!reader.Read())
            {
                return null;
            }

            if (isContentId)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
