using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.ServiceDefaults.Authentication;

namespace ZodiaCore.ChartService.Apis;

public static class InternalUsersApi
{
    /// <summary>Maps IdentityService's per-user delete and export under <c>/internal/users</c>, for service tokens only.</summary>
    public static RouteGroupBuilder MapInternalUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/users").WithTags("Internal")
            .RequireAuthorization(AuthenticationExtensions.ServicePolicy)
            .ExcludeFromDescription();
        api.MapDelete("/{userId}", DeleteUserCharts).WithName("DeleteUserCharts").WithSummary("Delete every chart of a user (idempotent)");
        api.MapGet("/{userId}/export", ExportUserCharts).WithName("ExportUserCharts").WithSummary("Every chart of a user, decrypted");
        return api;
    }

    public static async Task<NoContent> DeleteUserCharts(string userId, ISavedChartStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await store.DeleteAllAsync(userId, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<UserChartsExport>> ExportUserCharts(
        string userId, ISavedChartStore store, SavedChartProtector protector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        var records = await store.ListAllAsync(userId, cancellationToken);
        return TypedResults.Ok(new UserChartsExport(records.Select(protector.Open).ToArray()));
    }
}
