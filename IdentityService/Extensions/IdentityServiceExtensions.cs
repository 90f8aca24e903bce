using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.FieldEncryption;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Downstream;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Observability;
using ZodiaCore.IdentityService.Passwords;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Storage.LiteDb;
using ZodiaCore.IdentityService.Storage.Mongo;
using ZodiaCore.IdentityService.Tokens;
using ZodiaCore.ServiceDefaults.Authentication;
using ZodiaCore.ServiceDefaults.Configuration;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.ServiceDefaults.Health;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.IdentityService.Extensions;

public static class IdentityServiceExtensions
{
    /// <summary>
    /// Registers accounts, passwords, tokens and signing keys, field encryption, storage (MongoDB when a
    /// <c>mongodb</c> connection string is configured, else LiteDB in <c>identity.db</c> under the data directory),
    /// the in-process signing-key source for token validation, the clients of the services holding user data,
    /// the first-admin bootstrap and the maintenance worker. Call before <c>AddDefaultAuthentication</c>.
    /// </summary>
    public static TBuilder AddIdentityServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.RequireSettings(new RequiredSetting(EncryptionKeyRing.CurrentKeySetting,
            "the key that encrypts personal data at rest: base64 of 32 random bytes", EncryptionKeyRing.IsValidKey));

        services.Configure<IdentityTokenOptions>(configuration.GetSection(IdentityTokenOptions.SectionName));
        services.Configure<LockoutOptions>(configuration.GetSection(LockoutOptions.SectionName));
        services.Configure<PasswordHashOptions>(configuration.GetSection(PasswordHashOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddFieldEncryption(configuration);

        AddStorage(builder);
        if (configuration.HasRedis())
        {
            // Only to share token revocations with the other services (AccessTokenRevocation); nothing is cached here.
            builder.AddRedisConnection();
        }

        services.AddSingleton<IdentityMetrics>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<ConfiguredSigningKeys>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ClientCredentials>();
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<AccessTokenRevocation>();
        services.AddSingleton<PasswordLogin>();
        services.AddSingleton<AccountRegistration>();
        services.AddSingleton<AccountDeletion>();
        services.AddSingleton<PersonalDataRotation>();
        services.AddSingleton<UserDataServices>();

        // Registered before AddDefaultAuthentication, which then uses it instead of fetching the JWKS over HTTP.
        services.AddSingleton<IIssuerSigningKeySource, InProcessSigningKeySource>();

        services.AddTransient<ServiceTokenHandler>();
        var userDataServices = UserDataServices.ReadNames(configuration);
        var userDataDeadline = UserDataServices.ReadDeadline(configuration);
        foreach (var name in userDataServices)
        {
            services.AddHttpClient(name, client =>
                {
                    client.BaseAddress = new Uri($"http://{name}");
                    client.Timeout = userDataDeadline;
                })
                .AddHttpMessageHandler<ServiceTokenHandler>();
        }

        builder.AddDownstreamHealthChecks(userDataServices);

        services.AddHostedService<AdminBootstrap>();
        services.AddHostedService<IdentityMaintenanceWorker>();
        return builder;
    }

    private static void AddStorage(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Configuration.HasMongoDb())
        {
            builder.AddMongoDb(IdentityMongoDatabase.DefaultDatabaseName);
            services.AddSingleton<IdentityMongoDatabase>();
            services.AddSingleton<IUserStore, MongoUserStore>();
            services.AddSingleton<IRefreshTokenStore, MongoRefreshTokenStore>();
            services.AddSingleton<ISigningKeyStore, MongoSigningKeyStore>();
            return;
        }

        services.AddSingleton(sp => new IdentityLiteDatabase(
            Path.Combine(DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()), IdentityLiteDatabase.FileName)));
        services.AddSingleton<IUserStore, LiteDbUserStore>();
        services.AddSingleton<IRefreshTokenStore, LiteDbRefreshTokenStore>();
        services.AddSingleton<ISigningKeyStore, LiteDbSigningKeyStore>();
        services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy("embedded LiteDB"), tags: [HealthEndpoints.ReadyTag]);
    }
}
