using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.InterpretationService.Storage;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.InterpretationService.Apis;

public static class InternalApi
{
    /// <summary>Maps /internal/users/{userId}: the per-user delete and export IdentityService calls with a service token.</summary>
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/users/{userId}").WithTags("Internal")
            .RequireAuthorization(AuthenticationExtensions.ServicePolicy)
            .ExcludeFromDescription();
        api.MapDelete("/", DeleteUserData).WithName("DeleteUserInterpretations").WithSummary("Delete every interpretation of a user (idempotent)");
        api.MapGet("/export", ExportUserData).WithName("ExportUserInterpretations").WithSummary("Every interpretation of a user, decrypted");
        return app;
    }

    public static async Task<NoContent> DeleteUserData(string userId, IInterpretationStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.DeleteAllForUserAsync(userId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<InterpretationExport>> ExportUserData(
        string userId, IInterpretationStore store, SectionsProtector protector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        var records = await store.ListAllAsync(userId, cancellationToken);
        return TypedResults.Ok(new InterpretationExport(records.Select(r => InterpretationServices.ToResponse(r, protector.Decrypt(r), cached: false)).ToArray()));
    }
}
