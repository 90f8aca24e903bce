using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Passwords;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>Creates accounts: validated, normalised, unique by e-mail hash, personal data encrypted.</summary>
public sealed class AccountRegistration(
    IUserStore users,
    PasswordHasher hasher,
    PersonalDataProtector protector,
    IdentityMetrics metrics,
    TimeProvider time)
{
    /// <summary>Returns the new account, or the validation errors keyed by field name.</summary>
    public async Task<(UserAccount? User, Dictionary<string, string[]> Errors)> RegisterAsync(
        string? email, string? password, string? displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var normalizedEmail = EmailAddress.Normalize(email, out var emailError);
        if (emailError is not null)
        {
            errors["email"] = [emailError];
        }

        if (PasswordPolicy.Check(password, normalizedEmail) is { } passwordError)
        {
            errors["password"] = [passwordError];
        }

        var name = DisplayName.Normalize(displayName, out var nameError);
        if (nameError is not null)
        {
            errors["displayName"] = [nameError];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        if (await users.FindByEmailHashAsync(protector.CandidateEmailHashes(normalizedEmail!), cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (null, existing.DeletionRequestedAt is null ? DuplicateEmail()
                : new() { ["email"] = ["The account with this e-mail address is being deleted; the address can be registered again once that has completed (within the access-token lifetime, 15 minutes by default)."] });
        }

        var id = Guid.NewGuid().ToString("N");
        var user = new UserAccount
        {
            Id = id,
            EmailHash = protector.HashEmail(normalizedEmail!),
            EmailCiphertext = protector.EncryptEmail(id, normalizedEmail!),
            DisplayName = name!,
            PasswordHash = hasher.Hash(password!),
            Roles = roles,
            CreatedAt = time.GetUtcNow(),
        };
        if (!await users.TryCreateAsync(user, cancellationToken).ConfigureAwait(false))
        {
            return (null, DuplicateEmail());
        }

        metrics.Registration();
        return (user, errors);
    }

    private static Dictionary<string, string[]> DuplicateEmail() =>
        new() { ["email"] = ["An account with this e-mail address already exists."] };
}
