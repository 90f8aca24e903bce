using ZodiaCore.ServiceDefaults.Apis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.IdentityService.Apis;

public static class AdminApi
{
    /// <summary>Maps /api/admin (role admin): user list and search, roles, lock and unlock, re-encryption.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AuthenticationExtensions.AdminPolicy);
        api.MapGet("/users", ListUsers).WithName("AdminListUsers").WithSummary("List users, newest first; ?email= finds one address");
        api.MapPatch("/users/{id}/roles", UpdateRoles).WithName("AdminUpdateRoles").WithSummary("Set a user's roles");
        api.MapPost("/users/{id}/lock", Lock).WithName("AdminLockUser").WithSummary("Lock an account until unlocked");
        api.MapPost("/users/{id}/unlock", Unlock).WithName("AdminUnlockUser").WithSummary("Unlock an account");
        api.MapPost("/maintenance/reencrypt", ReEncrypt).WithName("AdminReEncrypt")
            .WithSummary("Re-encrypt stored personal data under the current ENCRYPTION_KEY");
        return app;
    }

    public static async Task<Results<Ok<PagedResult<AdminUserResponse>>, ValidationProblem>> ListUsers(
        [AsParameters] UserServices services, int? page, int? pageSize, string? email, CancellationToken cancellationToken)
    {
        var errors = Paging.Check(page, pageSize, out var resolvedPage, out var resolvedPageSize);
        IReadOnlyList<string>? hashes = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            // Addresses are stored only encrypted and as keyed hashes, so search is by exact (normalised) address.
            var normalized = EmailAddress.Normalize(email, out var emailError);
            if (normalized is null)
            {
                errors["email"] = [emailError!];
            }
            else
            {
                hashes = services.Protector.CandidateEmailHashes(normalized);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await services.Users.ListAsync(resolvedPage, resolvedPageSize, hashes, cancellationToken);
        return TypedResults.Ok(result.Select(services.ToAdminView));
    }

    public static async Task<Results<Ok<AdminUserResponse>, ValidationProblem, NotFound>> UpdateRoles(
        string id, UpdateRolesRequest request, [AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        var roles = request.Roles?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
        if (roles.Length == 0 || roles.Any(role => !Roles.Assignable.Contains(role)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roles"] = [$"Give one or more of: {string.Join(", ", Roles.Assignable)}."],
            });
        }

        var adminId = services.Context.User.FindFirst(TokenValidation.SubjectClaim)?.Value ?? "";
        if (id == adminId && !roles.Contains(Roles.Admin))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["roles"] = ["You cannot remove your own admin role; ask another administrator."],
            });
        }

        var user = await services.Users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var updated = user with { Roles = roles };
        await services.Users.ReplaceAsync(updated, cancellationToken);
        var origin = RequestOrigin.From(services.Context);
        var (oldRoles, newRoles) = (string.Join(",", user.Roles), string.Join(",", roles));
        SecurityEvents.RolesChanged(services.Logger, id, oldRoles, newRoles, adminId, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Ok(services.ToAdminView(updated));
    }

    public static Task<Results<Ok<AdminUserResponse>, NotFound>> Lock(string id, [AsParameters] UserServices services, CancellationToken cancellationToken) =>
        SetLockAsync(id, locked: true, services, cancellationToken);

    public static Task<Results<Ok<AdminUserResponse>, NotFound>> Unlock(string id, [AsParameters] UserServices services, CancellationToken cancellationToken) =>
        SetLockAsync(id, locked: false, services, cancellationToken);

    public static async Task<Ok<RotationReport>> ReEncrypt(PersonalDataRotation rotation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rotation.RunAsync(cancellationToken));

    private static async Task<Results<Ok<AdminUserResponse>, NotFound>> SetLockAsync(
        string id, bool locked, UserServices services, CancellationToken cancellationToken)
    {
        var user = await services.Users.FindByIdAsync(id, cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var updated = locked
            ? user with { LockedByAdmin = true }
            : user with { LockedByAdmin = false, LockedUntil = null, FailedLoginCount = 0 };
        await services.Users.ReplaceAsync(updated, cancellationToken);
        if (locked)
        {
            await services.RefreshTokens.RevokeAllForUserAsync(id, null, services.Time.GetUtcNow(), cancellationToken);
        }

        var origin = RequestOrigin.From(services.Context);
        var adminId = services.Context.User.FindFirst(TokenValidation.SubjectClaim)?.Value ?? "";
        SecurityEvents.AdminLockChanged(services.Logger, id, locked ? "locked" : "unlocked", adminId, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Ok(services.ToAdminView(updated));
    }
}
