using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Apis;

public static class WellKnownApi
{
    /// <summary>Maps /.well-known/jwks.json and /.well-known/openid-configuration.</summary>
    public static IEndpointRouteBuilder MapWellKnownApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/.well-known").WithTags("Discovery").AllowAnonymous();
        api.MapGet("/jwks.json", GetJwks).WithName("Jwks").WithSummary("Public keys that verify ZodiaCore tokens");
        api.MapGet("/openid-configuration", GetConfiguration).WithName("OpenIdConfiguration").WithSummary("Token issuer metadata");
        return app;
    }

    public static async Task<IResult> GetJwks(SigningKeyRing keys, HttpContext context, CancellationToken cancellationToken)
    {
        var published = await keys.GetPublishedKeysAsync(forceReload: false, cancellationToken);
        // Five minutes: far below the one-hour lead a new key is published with, so caches always see it in time.
        context.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Json(JsonWebKeySetDocument.From(published), contentType: "application/jwk-set+json");
    }

    public static IResult GetConfiguration(IOptions<IdentityTokenOptions> options, HttpContext context)
    {
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return TypedResults.Ok(new OpenIdConfigurationDocument(
            options.Value.Issuer,
            baseUrl + "/.well-known/jwks.json",
            baseUrl + "/connect/token",
            ["client_credentials"],
            [TokenValidation.Algorithm],
            ["client_secret_post", "client_secret_basic"]));
    }
}
