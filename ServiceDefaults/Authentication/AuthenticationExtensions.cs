using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ZodiaCore.ServiceDefaults.Configuration;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>JWT bearer validation against IdentityService's published keys. It never switches itself off.</summary>
public static class AuthenticationExtensions
{
    public const string AdminPolicy = "admin";
    public const string ServicePolicy = "service";

    /// <summary>
    /// Validates bearer tokens (RS256, pinned issuer and audience, 30 s skew) with keys from the registered
    /// <see cref="IIssuerSigningKeySource"/> (the JWKS at Identity:JwksUrl unless the service registered its own),
    /// and adds the "admin" and "service" policies. Missing settings stop the service at start. Tokens revoked by
    /// IdentityService before they expire (<see cref="TokenRevocations"/>, shared through Redis) are refused.
    /// </summary>
    public static TBuilder AddDefaultAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var ownKeySource = services.Any(d => d.ServiceType == typeof(IIssuerSigningKeySource));
        builder.RequireSettings(
            new RequiredSetting(TokenValidationSettings.IssuerKey, "the issuer every access token must carry"),
            new RequiredSetting(TokenValidationSettings.AudienceKey, "the audience every access token must carry"));
        if (!ownKeySource)
        {
            builder.RequireSettings(new RequiredSetting(TokenValidationSettings.JwksUrlKey,
                "where IdentityService publishes its signing keys, e.g. http://identity/.well-known/jwks.json",
                v => Uri.TryCreate(v, UriKind.Absolute, out _)));
        }

        var settings = TokenValidationSettings.From(builder.Configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIssuerSigningKeySource, JwksSigningKeySource>();
        services.AddHttpClient(JwksSigningKeySource.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<ValidatedTokenCache>();
        services.TryAddSingleton<TokenRevocations>();
        services.AddHostedService<TokenRevocationFeed>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IIssuerSigningKeySource, TimeProvider, ValidatedTokenCache>((options, source, time, tokenCache) =>
            {
                options.MapInboundClaims = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(tokenCache);
                options.RequireHttpsMetadata = false; // no metadata address is used; keys come from the source
                options.TokenValidationParameters = settings.ToParameters();
                options.ConfigurationManager = new SigningKeyConfigurationManager(source, settings.Issuer, time);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole("admin"))
            .AddPolicy(ServicePolicy, p => p.RequireAuthenticatedUser().RequireRole("service")
                .RequireClaim("aud", TokenValidationSettings.InternalAudience));
        return builder;
    }
}
