using System.Text.Encodings.Web;
using System.Text.Json;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Interpretations;

namespace ZodiaCore.InterpretationService.Storage;

/// <summary>Encrypts an interpretation's sections bound to its record id, so a ciphertext moved to another record fails to open.</summary>
public sealed class SectionsProtector(FieldEncryptor encryptor)
{
    // Relaxed escaping: the plaintext is only ever encrypted, never embedded in HTML, and text in any language stays
    // one UTF-8 sequence per character rather than a six-byte \uXXXX escape.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[] Encrypt(string recordId, IReadOnlyList<InterpretationSection> sections) =>
        encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(sections, Json), recordId, StoredNames.SectionsField);

    /// <exception cref="FieldDecryptionException">The ciphertext was altered, moved or written with an unknown key.</exception>
    public IReadOnlyList<InterpretationSection> Decrypt(InterpretationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var plaintext = encryptor.Decrypt(record.SectionsCiphertext, record.Id, StoredNames.SectionsField);
        return JsonSerializer.Deserialize<List<InterpretationSection>>(plaintext, Json) ?? [];
    }
}
