using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Downstream;
using ZodiaCore.IdentityService.Passwords;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Apis;

/// <summary>Handler dependencies of the users and admin APIs, bound with [AsParameters].</summary>
public sealed class UserServices(
    HttpContext context,
    IUserStore users,
    IRefreshTokenStore refreshTokens,
    PersonalDataProtector protector,
    PasswordHasher hasher,
    AccountDeletion deletion,
    AccessTokenRevocation tokenRevocation,
    UserDataServices userData,
    TimeProvider time,
    ILogger<UserServices> logger)
{
    public HttpContext Context { get; } = context;
    public IUserStore Users { get; } = users;
    public IRefreshTokenStore RefreshTokens { get; } = refreshTokens;
    public PersonalDataProtector Protector { get; } = protector;
    public PasswordHasher Hasher { get; } = hasher;
    public AccountDeletion Deletion { get; } = deletion;
    public AccessTokenRevocation TokenRevocation { get; } = tokenRevocation;
    public UserDataServices UserData { get; } = userData;
    public TimeProvider Time { get; } = time;
    public ILogger<UserServices> Logger { get; } = logger;

    /// <summary>The caller's own account, or null (unknown or being deleted).</summary>
    public async Task<UserAccount?> FindCallerAsync(CancellationToken cancellationToken)
    {
        var id = Context.User.FindFirst(Tokens.TokenValidation.SubjectClaim)?.Value;
        var user = id is null ? null : await Users.FindByIdAsync(id, cancellationToken);
        return user?.DeletionRequestedAt is null ? user : null;
    }

    /// <summary>409 for a change that kept meeting other writes to the same account (<see cref="UserUpdates"/>).</summary>
    public static ProblemHttpResult ChangedMeanwhile() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Account changed meanwhile",
        detail: "Other changes to this account were written while this one was being made; nothing was changed. Try again.");

    public MeResponse ToMe(UserAccount user) => new(
        user.Id, Protector.DecryptEmail(user), user.DisplayName, user.Roles, user.CreatedAt, user.LastLogin,
        Protector.DecryptBirth(user), Protector.DecryptLocation(user));

    public AdminUserResponse ToAdminView(UserAccount user) => new(
        user.Id, Protector.DecryptEmail(user), user.DisplayName, user.Roles, user.CreatedAt, user.LastLogin,
        user.IsLockedAt(Time.GetUtcNow()), user.LockedUntil, user.DeletionRequestedAt is not null);
}
