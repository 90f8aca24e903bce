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
        api.MapPatch("/users/{id}/roles", UpdateRoles).WithName("AdminUpdateRoles").WithSummary("Set a user's roles")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/users/{id}/lock", Lock).WithName("AdminLockUser").WithSummary("Lock an account until unlocked")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/users/{id}/unlock", Unlock).WithName("AdminUnlockUser").WithSummary("Unlock an account")
            .ProducesProblem(StatusCodes.Status409Conflict);
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

    public static async Task<Results<Ok<AdminUserResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateRoles(
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

        var update = await services.Users.UpdateAsync(id, user => user with { Roles = roles }, cancellationToken);
        if (update.Outcome != UserUpdateOutcome.Updated)
        {
            return update.Outcome == UserUpdateOutcome.Conflict ? UserServices.ChangedMeanwhile() : TypedResults.NotFound();
        }

        var updated = update.Updated!;
        if (update.Current!.Roles.Except(roles, StringComparer.Ordinal).Any())
        {
            // Tokens carry the roles they were issued with: one that still says "admin" must not outlive the change.
            await services.TokenRevocation.RevokeUserAsync(id);
        }

        var origin = RequestOrigin.From(services.Context);
        var (oldRoles, newRoles) = (string.Join(",", update.Current!.Roles), string.Join(",", roles));
        SecurityEvents.RolesChanged(services.Logger, id, oldRoles, newRoles, adminId, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Ok(services.ToAdminView(updated));
    }

    public static Task<Results<Ok<AdminUserResponse>, NotFound, ProblemHttpResult>> Lock(string id, [AsParameters] UserServices services, CancellationToken cancellationToken) =>
        SetLockAsync(id, locked: true, services, cancellationToken);

    public static Task<Results<Ok<AdminUserResponse>, NotFound, ProblemHttpResult>> Unlock(string id, [AsParameters] UserServices services, CancellationToken cancellationToken) =>
        SetLockAsync(id, locked: false, services, cancellationToken);

    public static async Task<Ok<RotationReport>> ReEncrypt(PersonalDataRotation rotation, CancellationToken cancellationToken) =>
        TypedResults.Ok(await rotation.RunAsync(cancellationToken));

    private static async Task<Results<Ok<AdminUserResponse>, NotFound, ProblemHttpResult>> SetLockAsync(
        string id, bool locked, UserServices services, CancellationToken cancellationToken)
    {
        var update = await services.Users.UpdateAsync(id, user => locked
            ? user with { LockedByAdmin = true }
            : user with { LockedByAdmin = false, LockedUntil = null, FailedLoginCount = 0 }, cancellationToken);
        if (update.Outcome != UserUpdateOutcome.Updated)
        {
            return update.Outcome == UserUpdateOutcome.Conflict ? UserServices.ChangedMeanwhile() : TypedResults.NotFound();
        }

        var updated = update.Updated!;
        if (locked)
        {
            await services.RefreshTokens.RevokeAllForUserAsync(id, null, services.Time.GetUtcNow(), cancellationToken);
            await services.TokenRevocation.RevokeUserAsync(id);
        }

        var origin = RequestOrigin.From(services.Context);
        var adminId = services.Context.User.FindFirst(TokenValidation.SubjectClaim)?.Value ?? "";
        SecurityEvents.AdminLockChanged(services.Logger, id, locked ? "locked" : "unlocked", adminId, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Ok(services.ToAdminView(updated));
    }
}
