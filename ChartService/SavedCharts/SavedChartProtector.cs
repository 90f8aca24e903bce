using System.Text.Json;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.ChartService.SavedCharts;

/// <summary>
/// Seals the whole saved payload (request and computed chart) with the record id as associated data: positions and
/// cusps give the birth moment and place back as surely as the request does.
/// </summary>
public sealed class SavedChartProtector(FieldEncryptor encryptor)
{
    public const string PayloadField = "payload";

    public byte[] Seal(string id, SavedChartPayload payload) =>
        encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(payload, ChartJsonContext.Default.SavedChartPayload), id, PayloadField);

    /// <exception cref="FieldDecryptionException">The payload was altered, moved from another record, or the key is gone.</exception>
    public SavedChartResponse Open(SavedChartRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var json = encryptor.Decrypt(record.Payload, record.Id, PayloadField);
        var payload = JsonSerializer.Deserialize(json, ChartJsonContext.Default.SavedChartPayload)
            ?? throw new FieldDecryptionException($"Saved chart {record.Id} has an empty payload.");
        return new SavedChartResponse(record.Id, record.Name, record.CreatedAt, record.ContentId, payload.Request, payload.Chart);
    }
}
