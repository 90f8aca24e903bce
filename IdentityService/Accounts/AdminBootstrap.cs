using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Accounts;

/// <summary>
/// Creates the first administrator from <c>Identity:BootstrapAdmin:Email</c> and <c>:Password</c> at start
/// (there is no built-in password). An existing account with that e-mail is given the admin role; its password
/// is left alone.
/// </summary>
public sealed partial class AdminBootstrap(
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public const string SectionName = "Identity:BootstrapAdmin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[$"{SectionName}:Email"];
        var password = configuration[$"{SectionName}:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserStore>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var normalized = EmailAddress.Normalize(email, out var emailError)
            ?? throw new InvalidOperationException($"{SectionName}:Email: {emailError}");
        var existing = await users.FindByEmailHashAsync(protector.CandidateEmailHashes(normalized), cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var update = await users.UpdateAsync(existing,
                user => user.Roles.Contains(Roles.Admin) ? null : user with { Roles = [.. user.Roles, Roles.Admin] },
                cancellationToken).ConfigureAwait(false);
            if (update.Outcome is UserUpdateOutcome.Conflict or UserUpdateOutcome.NotFound)
            {
                throw new InvalidOperationException($"{SectionName}: the account {existing.Id} could not be given the admin role ({update.Outcome}).");
            }

            LogEnsured(logger, existing.Id);
            return;
        }

        var registration = scope.ServiceProvider.GetRequiredService<AccountRegistration>();
        var (user, errors) = await registration.RegisterAsync(email, password, "Administrator", [Roles.User, Roles.Admin], cancellationToken)
            .ConfigureAwait(false);
        if (user is null)
        {
            throw new InvalidOperationException($"{SectionName} is invalid: " +
                string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        LogEnsured(logger, user.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Bootstrap administrator is user {UserId}")]
    private static partial void LogEnsured(ILogger logger, string userId);
}
