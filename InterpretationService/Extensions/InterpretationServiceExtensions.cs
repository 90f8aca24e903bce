using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Apis;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.ChartsClient;
using ZodiaCore.InterpretationService.Maintenance;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Quotas;
using ZodiaCore.InterpretationService.Storage;
using ZodiaCore.InterpretationService.Storage.LiteDb;
using ZodiaCore.InterpretationService.Storage.Mongo;
using ZodiaCore.ServiceDefaults.Configuration;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.ServiceDefaults.Health;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.InterpretationService.Extensions;

public static class InterpretationServiceExtensions
{
    /// <summary>
    /// Registers the interpretation engine and its providers, field encryption (ENCRYPTION_KEY required), storage (MongoDB
    /// when a <c>mongodb</c> connection string is configured, else LiteDB in <c>interpretations.db</c> under the data directory),
    /// a re-encryption pass of the stored interpretations at start while ENCRYPTION_OLD_KEYS is set, the HybridCache (Redis
    /// as L2 when a <c>redis</c> connection string is configured), the daily LLM quota and the <c>charts</c> HttpClient.
    /// Call before <c>AddDefaultAuthentication</c>.
    /// </summary>
    public static TBuilder AddInterpretationServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.RequireSettings(new RequiredSetting(EncryptionKeyRing.CurrentKeySetting,
            "the key that encrypts interpretations at rest and in the cache: base64 of 32 random bytes", EncryptionKeyRing.IsValidKey));
        builder.AddInterpretationProviders();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFieldEncryption(configuration);
        services.AddSingleton<SectionsProtector>();

        AddStorage(builder);
        AddCache(builder);
        AddQuota(builder);

        services.AddHttpClient(ChartServiceClient.HttpClientName, client =>
        {
            client.BaseAddress = new Uri("http://charts");
            client.Timeout = ChartServiceClient.Deadline;
        });
        services.AddSingleton<ChartServiceClient>();
        builder.AddDownstreamHealthChecks(["charts"]);
        return builder;
    }

    private static void AddStorage(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SectionsReEncryption>();
        services.AddHostedService<ReEncryptionWorker>();
        if (builder.Configuration.HasMongoDb())
        {
            builder.AddMongoDb(InterpretationMongoDatabase.DefaultDatabaseName);
            services.AddSingleton<InterpretationMongoDatabase>();
            services.AddSingleton<IInterpretationStore, MongoInterpretationStore>();
            return;
        }

        services.AddSingleton(sp => new InterpretationLiteDatabase(
            Path.Combine(DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()), InterpretationLiteDatabase.FileName)));
        services.AddSingleton<IInterpretationStore, LiteDbInterpretationStore>();
        services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy("embedded LiteDB"), tags: [HealthEndpoints.ReadyTag]);
    }

    private static void AddCache(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InterpretationCacheOptions>().BindConfiguration(InterpretationCacheOptions.SectionName);
        var settings = builder.Configuration.GetSection(InterpretationCacheOptions.SectionName).Get<InterpretationCacheOptions>() ?? new();
        if (settings.LocalMemoryMegabytes <= 0)
        {
            throw new InvalidOperationException($"{InterpretationCacheOptions.SectionName}:{nameof(InterpretationCacheOptions.LocalMemoryMegabytes)} must be a positive number of megabytes.");
        }

        // HybridCache sizes each memory entry by its serialised length; the limit makes the memory cache evict.
        services.AddMemoryCache(options =>
        {
            options.SizeLimit = settings.LocalMemoryMegabytes * 1024L * 1024L;
            options.TrackStatistics = true;
        });
        services.AddHybridCache().AddSerializer<InterpretationOutcome, EncryptedOutcomeSerializer>();
        services.AddSingleton<InterpretationCache>();
        services.AddSingleton<InlineChartContentIds>();
        services.AddSingleton<InFlightAsks>();
        if (!builder.Configuration.HasRedis())
        {
            return;
        }

        builder.AddRedisDistributedCache("interpretation:");
    }

    private static void AddQuota(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.SectionName);
        services.AddSingleton<InProcessDailyCounter>();
        if (builder.Configuration.HasRedis())
        {
            services.AddSingleton<IDailyCounter, RedisDailyCounter>();
        }
        else
        {
            services.AddSingleton<IDailyCounter>(sp => sp.GetRequiredService<InProcessDailyCounter>());
        }

        services.AddSingleton<DailyLlmQuota>();
    }
}
