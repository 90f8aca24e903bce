using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ZodiaCore.ServiceDefaults.OpenApi;

/// <summary>
/// Documents what no endpoint declares for itself because every endpoint of its kind answers it: the bearer token an
/// authorised endpoint needs (with its 401 and 403), and the problems the gateway in front of every service answers
/// (413 for a body over its limit, 429 for a spent rate limit, 502 and 504 for a broken or late answer, 503 when a
/// service or store the request needs is down). Clients reach the services only through the gateway, so its answers
/// are part of each service's API.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private const string BearerScheme = "Bearer";
    private const string ProblemSchema = "ProblemDetails";
    private const string ProblemMediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/auth/login or /api/auth/refresh (IdentityService), sent as "
                + "`Authorization: Bearer <token>`. It lasts 15 minutes by default; the refresh token gets the next one.",
        };
        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("Operation transformers run within a document.");
        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] });
            Add(operation, document, StatusCodes.Status401Unauthorized,
                "No valid access token: missing, malformed, expired or revoked (`WWW-Authenticate` says which).");
            Add(operation, document, StatusCodes.Status403Forbidden,
                "The token is valid but may not use this endpoint: a service token on a user's endpoint, or a user's on an admin's.");
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Body)
            || metadata.OfType<IAcceptsMetadata>().Any())
        {
            Add(operation, document, StatusCodes.Status413PayloadTooLarge, "The request body is larger than the gateway's or this endpoint's limit.");
        }

        if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            // The gateway's rate limits cover /api/** (Gateway/RateLimiting/RateLimitPolicy.cs).
            Add(operation, document, StatusCodes.Status429TooManyRequests,
                "A gateway rate limit is spent for this client; `Retry-After` and `RateLimit` say when to try again.", retryAfter: true);
        }

        Add(operation, document, StatusCodes.Status502BadGateway, "The gateway got a broken answer from the service.");
        Add(operation, document, StatusCodes.Status503ServiceUnavailable,
            "A service or data store this request needs is unavailable; try again after `Retry-After`.", retryAfter: true);
        Add(operation, document, StatusCodes.Status504GatewayTimeout, "The service did not answer the gateway in time.");
    }

    /// <summary>Adds a problem response unless the endpoint documents that status itself: then its own entry stands.</summary>
    private static void Add(OpenApiOperation operation, OpenApiDocument document, int status, string description, bool retryAfter = false)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        operation.Responses!.TryAdd(key, new OpenApiResponse
        {
            Description = description,
            Headers = retryAfter
                ? new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before trying again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                }
                : null,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        });
    }
}
