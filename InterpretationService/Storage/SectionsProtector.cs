using System.Text.Json;
using ZodiaCore.FieldEncryption;
using ZodiaCore.ServiceDefaults.Apis;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>Encrypts an interpretation's sections bound to its record id, so a ciphertext moved to another record fails to open.</summary>
public sealed class SectionsProtector(FieldEncryptor encryptor)
{
    public byte[] Encrypt(string recordId, IReadOnlyList<InterpretationSection> sections) =>
        encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(sections, ApiJson.Options), recordId, StoredNames.SectionsField);

    /// <exception cref="FieldDecryptionException">The ciphertext was altered, moved or written with an unknown key.</exception>
    public IReadOnlyList<InterpretationSection> Decrypt(InterpretationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plaintext = encryptor.Decrypt(record.SectionsCiphertext, record.Id, StoredNames.SectionsField);
        return JsonSerializer.Deserialize<List<InterpretationSection>>(plaintext, ApiJson.Options) ?? [];
    }
}
