using System.Text.Json;
using ZodiaCore.FieldEncryption;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>
/// Encrypts the personal fields of an account (e-mail, birth, location) bound to the account id and field name,
/// and hashes the e-mail for lookup.
/// </summary>
public sealed class PersonalDataProtector(FieldEncryptor encryptor, LookupHasher hasher)
{
    public const string EmailField = "email";
    public const string BirthField = "birth";
    public const string LocationField = "location";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public FieldEncryptor Encryptor => encryptor;

    public string HashEmail(string normalizedEmail) => hasher.Hash(normalizedEmail);

    public IReadOnlyList<string> CandidateEmailHashes(string normalizedEmail) => hasher.CandidateHashes(normalizedEmail);

    public byte[] EncryptEmail(string userId, string normalizedEmail) => encryptor.EncryptString(normalizedEmail, userId, EmailField);

    public string DecryptEmail(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return encryptor.DecryptString(user.EmailCiphertext, user.Id, EmailField);
    }

    public byte[] EncryptBirth(string userId, BirthDetails birth) =>
        encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(birth, Json), userId, BirthField);

    public BirthDetails? DecryptBirth(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.BirthCiphertext is null ? null
            : JsonSerializer.Deserialize<BirthDetails>(encryptor.Decrypt(user.BirthCiphertext, user.Id, BirthField), Json);
    }

    public byte[] EncryptLocation(string userId, LocationDetails location) =>
        encryptor.Encrypt(JsonSerializer.SerializeToUtf8Bytes(location, Json), userId, LocationField);

    public LocationDetails? DecryptLocation(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.LocationCiphertext is null ? null
            : JsonSerializer.Deserialize<LocationDetails>(encryptor.Decrypt(user.LocationCiphertext, user.Id, LocationField), Json);
    }
}
