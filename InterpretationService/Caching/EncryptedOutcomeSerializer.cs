using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.ServiceDefaults.Apis;

namespace ZodiaCore.InterpretationService.Caching;

/// <summary>
/// Writes cached interpretations to the distributed cache encrypted: the text is derived from birth data, and Redis is
/// shared infrastructure that must not hold it in clear.
/// </summary>
public sealed class EncryptedOutcomeSerializer(FieldEncryptor encryptor) : IHybridCacheSerializer<InterpretationOutcome>
{
    private const string RecordId = "interpretation-cache";
    private const string FieldName = "outcome";

    // HybridCache also serialises the null a read-only probe's factory returns (to hand out copies); it is an empty payload.
    public InterpretationOutcome Deserialize(ReadOnlySequence<byte> source)
    {
        if (source.IsEmpty)
        {
            return null!;
        }

        var plaintext = encryptor.Decrypt(source.ToArray(), RecordId, FieldName);
        return JsonSerializer.Deserialize<InterpretationOutcome>(plaintext, ApiJson.Options)
            ?? throw new JsonException("The cached interpretation is empty.");
    }

    public void Serialize(InterpretationOutcome value, IBufferWriter<byte> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (value is null)
        {
            return;
        }

        target.Write(encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(value, ApiJson.Options), RecordId, FieldName));
    }
}
