using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Tokens;

namespace ZodiaCore.IdentityService.Apis;

public static class AuthApi
{
    private const string InvalidCredentials = "Invalid e-mail or password.";
    private static readonly string[] NotSettable = ["This field cannot be set here."];

    /// <summary>Maps /api/auth (register, login, refresh, logout) and the client-credentials endpoint /connect/token.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth").AllowAnonymous();
        api.MapPost("/register", Register).WithName("Register").WithSummary("Create an account");
        api.MapPost("/login", Login).WithName("Login").WithSummary("Log in with e-mail and password")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        api.MapPost("/refresh", Refresh).WithName("RefreshToken").WithSummary("Exchange a refresh token for a new token pair")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/logout", Logout).WithName("Logout").WithSummary("Revoke a refresh token and its session");

        app.MapPost("/connect/token", IssueServiceToken)
            .WithTags("Service tokens").WithName("ServiceToken").WithSummary("Client-credentials token for service-to-service calls")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowAnonymous().DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Created<RegisteredResponse>, ValidationProblem>> Register(
        RegisterRequest request, AccountRegistration registration, HttpContext context, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.UnexpectedFields is { Count: > 0 } unexpected)
        {
            return TypedResults.ValidationProblem(unexpected.Keys.ToDictionary(key => key, _ => NotSettable));
        }

        var (user, errors) = await registration.RegisterAsync(request.Email, request.Password, request.DisplayName, [Roles.User], cancellationToken);
        if (user is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var origin = RequestOrigin.From(context);
        var logger = loggers.CreateLogger(typeof(AuthApi));
        SecurityEvents.Registered(logger, user.Id, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Created("/api/users/me",
            new RegisteredResponse(user.Id, EmailAddress.Normalize(request.Email, out _)!, user.DisplayName, user.Roles, user.CreatedAt));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, PasswordLogin login, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["An e-mail address is required."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["A password is required."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await login.LoginAsync(request.Email, request.Password, RequestOrigin.From(context), cancellationToken);
        if (result.Tokens is { } tokens)
        {
            return TypedResults.Ok(ToResponse(tokens));
        }

        if (result.IsLocked)
        {
            if (result.LockedUntil is { } until)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "Account locked",
                detail: "Too many failed logins or locked by an administrator; try again later.");
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: InvalidCredentials);
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, SessionTokens sessions, HttpContext context, CancellationToken cancellationToken)
    {
        if (!RefreshTokenValue.LooksValid(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["A refresh token is required."] });
        }

        var tokens = await sessions.RefreshAsync(request.RefreshToken!, RequestOrigin.From(context), cancellationToken);
        return tokens is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Refresh failed",
                detail: "The refresh token is invalid, expired or revoked; log in again.")
            : TypedResults.Ok(ToResponse(tokens));
    }

    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshRequest request, SessionTokens sessions, CancellationToken cancellationToken)
    {
        if (!RefreshTokenValue.LooksValid(request.RefreshToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["refreshToken"] = ["A refresh token is required."] });
        }

        await sessions.RevokeAsync(request.RefreshToken!, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ServiceTokenResponse>, ValidationProblem, ProblemHttpResult>> IssueServiceToken(
        HttpContext context, ClientCredentials clients, TokenIssuer issuer, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["grant_type"] = ["Send application/x-www-form-urlencoded with grant_type=client_credentials."],
            });
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form["grant_type"] != "client_credentials")
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["grant_type"] = ["Only client_credentials is supported."],
            }, extensions: new Dictionary<string, object?> { ["error"] = "unsupported_grant_type" });
        }

        var (clientId, secret) = ReadClient(context.Request, form);
        var origin = RequestOrigin.From(context);
        var logger = loggers.CreateLogger(typeof(AuthApi));
        if (!clients.Verify(clientId, secret))
        {
            SecurityEvents.ServiceTokenRefused(logger, clientId, origin.ClientIp, origin.CorrelationId);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid client",
                detail: "Unknown client or wrong secret.", extensions: new Dictionary<string, object?> { ["error"] = "invalid_client" });
        }

        var token = await issuer.IssueServiceTokenAsync(clientId!, cancellationToken);
        SecurityEvents.ServiceTokenIssued(logger, clientId!, origin.ClientIp, origin.CorrelationId);
        return TypedResults.Ok(new ServiceTokenResponse(token.Token, "Bearer", token.ExpiresInSeconds));
    }

    private static (string? ClientId, string? Secret) ReadClient(HttpRequest request, IFormCollection form)
    {
        // RFC 6749 allows the client to authenticate with HTTP Basic instead of form fields.
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2);
                if (pair.Length == 2)
                {
                    return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
                }
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static TokenResponse ToResponse(TokenPair tokens) =>
        new(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresIn, tokens.TokenType);
}
