using Microsoft.Extensions.Logging.Abstractions;
using ZodiaCore.FieldEncryption;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Storage.LiteDb;
using ZodiaCore.IdentityService.Tests.Storage;

namespace ZodiaCore.IdentityService.Tests.Maintenance;

/// <summary>
/// Re-encryption under a new <c>ENCRYPTION_KEY</c> (the old one in <c>ENCRYPTION_OLD_KEYS</c>) on the embedded store:
/// every account ends up readable with the new key alone, and a user's change written while the pass runs is kept.
/// </summary>
public sealed class PersonalDataRotationTests : IDisposable
{
    private static readonly EncryptionKey KeyA = EncryptionKey.Generate();
    private static readonly EncryptionKey KeyB = EncryptionKey.Generate();

    private readonly string _directory = Directory.CreateTempSubdirectory("zodiacore-rotation-").FullName;
    private readonly IdentityLiteDatabase _database;
    private readonly InterleavingUserStore _users;
    private readonly PersonalDataProtector _underA = Protector(new EncryptionKeyRing(KeyA));
    private readonly PersonalDataProtector _rotating = Protector(new EncryptionKeyRing(KeyB, [KeyA]));
    private readonly PersonalDataProtector _underBAlone = Protector(new EncryptionKeyRing(KeyB));

    public PersonalDataRotationTests()
    {
        _database = new IdentityLiteDatabase(Path.Combine(_directory, IdentityLiteDatabase.FileName));
        _users = new InterleavingUserStore(new LiteDbUserStore(_database));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static PersonalDataProtector Protector(EncryptionKeyRing keys) => new(new FieldEncryptor(keys), new LookupHasher(keys));

    private PersonalDataRotation Rotation() => new(_users, new LiteDbSigningKeyStore(_database), _rotating, NullLogger<PersonalDataRotation>.Instance);

    private async Task<UserAccount> CreateUnderKeyAAsync(string id, string email)
    {
        var user = new UserAccount
        {
            Id = id,
            EmailHash = _underA.HashEmail(email),
            EmailCiphertext = _underA.EncryptEmail(id, email),
            DisplayName = "User " + id,
            PasswordHash = "$argon2id$...",
            Roles = [Roles.User],
            CreatedAt = DateTimeOffset.UtcNow,
            BirthCiphertext = _underA.EncryptBirth(id, new BirthDetails("1950-01-01", "06:00:00", "Europe/Paris")),
        };
        Assert.True(await _users.TryCreateAsync(user, Ct));
        return user;
    }

    [Fact]
    public async Task Every_account_is_rewritten_under_the_new_key_and_a_second_pass_rewrites_nothing()
    {
        await CreateUnderKeyAAsync("u1", "one@example.com");
        await CreateUnderKeyAAsync("u2", "two@example.com");

        var first = await Rotation().RunAsync(Ct);
        var second = await Rotation().RunAsync(Ct);

        Assert.Equal((2, 2, 0), (first.UsersScanned, first.UsersRewritten, first.UsersSkipped));
        Assert.Equal((2, 0, 0), (second.UsersScanned, second.UsersRewritten, second.UsersSkipped));
        var u2 = (await _users.FindByIdAsync("u2", Ct))!;
        Assert.Equal("two@example.com", _underBAlone.DecryptEmail(u2));
        Assert.Equal(_underBAlone.HashEmail("two@example.com"), u2.EmailHash);
        Assert.Equal("1950-01-01", _underBAlone.DecryptBirth(u2)?.Date);
    }

    [Fact]
    public async Task Birth_data_changed_while_the_pass_rewrites_the_account_is_kept_not_replaced_by_the_old_data()
    {
        await CreateUnderKeyAAsync("u1", "one@example.com");
        // The user's profile change lands between the pass's read of the account and its write.
        _users.BeforeReplace = async (inner, _) =>
        {
            var current = (await inner.FindByIdAsync("u1", Ct))!;
            var changed = current with { BirthCiphertext = _rotating.EncryptBirth("u1", new BirthDetails("1961-08-04", "19:24:00", "Pacific/Honolulu")) };
            Assert.True(await inner.ReplaceAsync(changed, Ct));
        };

        var report = await Rotation().RunAsync(Ct);

        Assert.Equal((1, 0), (report.UsersRewritten, report.UsersSkipped));
        var stored = (await _users.FindByIdAsync("u1", Ct))!;
        Assert.Equal("1961-08-04", _underBAlone.DecryptBirth(stored)?.Date);
        Assert.Equal("one@example.com", _underBAlone.DecryptEmail(stored));
    }
}
