using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Passwords;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Apis;

public static class UsersApi
{
    private static readonly string[] NotSettable = ["This field cannot be set here."];

    /// <summary>Maps /api/users/me: profile, password change, export and deletion of the caller's own account.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        // Service tokens are valid bearer tokens too; only user accounts may use these endpoints.
        var api = app.MapGroup("/api/users/me").WithTags("Users")
            .RequireAuthorization(policy => policy.RequireRole(Roles.User, Roles.Admin));
        api.MapGet("/", GetMe).WithName("GetMe").WithSummary("The caller's account and birth data");
        api.MapPatch("/", UpdateMe).WithName("UpdateMe").WithSummary("Change display name, birth data or birth place")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/password", ChangePassword).WithName("ChangePassword").WithSummary("Change password; other sessions end");
        api.MapGet("/export", Export).WithName("ExportMe").WithSummary("All data held about the caller, in every service");
        api.MapDelete("/", DeleteMe).WithName("DeleteMe").WithSummary("Delete the account and the caller's data in every service")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<MeResponse>, NotFound>> GetMe([AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        var user = await services.FindCallerAsync(cancellationToken);
        return user is null ? TypedResults.NotFound() : TypedResults.Ok(services.ToMe(user));
    }

    public static async Task<Results<Ok<MeResponse>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateMe(
        UpdateProfileRequest request, [AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        if (request.UnexpectedFields is { Count: > 0 } unexpected)
        {
            return TypedResults.ValidationProblem(unexpected.Keys.ToDictionary(key => key, _ => NotSettable));
        }

        var user = await services.FindCallerAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        string? displayName = null;
        if (request.DisplayName is not null)
        {
            displayName = DisplayName.Normalize(request.DisplayName, out var nameError);
            if (nameError is not null)
            {
                errors["displayName"] = [nameError];
            }
        }

        if (request.Birth is not null)
        {
            BirthProfileValidation.Check(request.Birth, "birth", errors);
        }

        if (request.Location is not null)
        {
            BirthProfileValidation.Check(request.Location, "location", errors);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var birth = request.Birth is null ? null : services.Protector.EncryptBirth(user.Id, request.Birth);
        var location = request.Location is null ? null : services.Protector.EncryptLocation(user.Id, request.Location);
        var update = await services.Users.UpdateAsync(user, current => current.DeletionRequestedAt is not null ? null : current with
        {
            DisplayName = displayName ?? current.DisplayName,
            BirthCiphertext = birth ?? current.BirthCiphertext,
            LocationCiphertext = location ?? current.LocationCiphertext,
        }, cancellationToken);
        return update.Outcome switch
        {
            UserUpdateOutcome.Updated => TypedResults.Ok(services.ToMe(update.Updated!)),
            UserUpdateOutcome.Conflict => UserServices.ChangedMeanwhile(),
            _ => TypedResults.NotFound(), // gone, or closed for deletion while this was being written
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFound>> ChangePassword(
        ChangePasswordRequest request, [AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        var user = await services.FindCallerAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrEmpty(request.CurrentPassword)
            || services.Hasher.Verify(request.CurrentPassword, user.PasswordHash) == PasswordVerification.Failed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        var email = services.Protector.DecryptEmail(user);
        var policyError = PasswordPolicy.Check(request.NewPassword, email)
            ?? (request.NewPassword == request.CurrentPassword ? "The new password must differ from the current one." : null);
        if (policyError is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["newPassword"] = [policyError] });
        }

        // Only if the password is still the one just verified: two changes sent with the same current password
        // cannot both be told they succeeded.
        if (!await services.Users.ChangePasswordHashAsync(user.Id, user.PasswordHash, services.Hasher.Hash(request.NewPassword!), cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] });
        }

        var session = services.Context.User.FindFirst(TokenValidation.SessionClaim)?.Value;
        var revoked = await services.RefreshTokens.RevokeAllForUserAsync(user.Id, session, services.Time.GetUtcNow(), cancellationToken);
        await services.TokenRevocation.RevokeUserAsync(user.Id, keepSession: session);
        var origin = RequestOrigin.From(services.Context);
        SecurityEvents.PasswordChanged(services.Logger, user.Id, revoked, origin.ClientIp, origin.CorrelationId);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ExportResponse>, NotFound, ProblemHttpResult>> Export(
        [AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        var user = await services.FindCallerAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        var exports = await services.UserData.ExportUserDataAsync(user.Id, cancellationToken);
        if (exports is null)
        {
            // An export missing the charts or interpretations would look complete but not be: refuse instead.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Export unavailable",
                detail: "A service holding your data did not answer; try again shortly.");
        }

        return TypedResults.Ok(new ExportResponse(services.Time.GetUtcNow(), services.ToMe(user), exports));
    }

    public static async Task<Results<NoContent, Accepted<DeletionPendingResponse>, NotFound, ProblemHttpResult>> DeleteMe(
        [AsParameters] UserServices services, CancellationToken cancellationToken)
    {
        var user = await services.FindCallerAsync(cancellationToken);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        return await services.Deletion.DeleteAsync(user, RequestOrigin.From(services.Context), cancellationToken) switch
        {
            DeletionProgress.DataDeleted => TypedResults.NoContent(),
            DeletionProgress.NotClosed => UserServices.ChangedMeanwhile(),
            _ => TypedResults.Accepted((string?)null, new DeletionPendingResponse("pending",
                "Your account is closed. Some of your data is still being removed from other services; this completes automatically.")),
        };
    }
}
