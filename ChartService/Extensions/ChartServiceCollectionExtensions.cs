using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Caching;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Maintenance;
using ZodiaCore.ChartService.Observability;
using ZodiaCore.ChartService.SavedCharts;
using ZodiaCore.ChartService.Storage;
using ZodiaCore.ChartService.Storage.LiteDb;
using ZodiaCore.ChartService.Storage.Mongo;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;
using ZodiaCore.FieldEncryption;
using ZodiaCore.ServiceDefaults.Configuration;
using ZodiaCore.ServiceDefaults.Data;
using ZodiaCore.ServiceDefaults.Health;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ChartService.Extensions;

public static class ChartServiceCollectionExtensions
{
    /// <summary>Prefix of the chart cache's keys in Redis, which other services share.</summary>
    public const string RedisKeyPrefix = "zodiacore:charts:";

    /// <summary>
    /// Registers everything ChartService runs on: the chart engine (<see cref="AddChartEngine"/>), field encryption
    /// (<c>ENCRYPTION_KEY</c>, required), the chart cache (HybridCache in memory, Redis as second level when a
    /// <c>redis</c> connection string is configured; entries live <c>CACHE_TTL</c> seconds, default 3600; memory holds at most <c>CACHE_MEMORY_MB</c>), the metrics
    /// and the saved-chart store (MongoDB when a <c>mongodb</c> connection string is configured, else LiteDB in
    /// <c>charts.db</c> under the data directory) with its re-encryption pass under the current key, run once after start
    /// when <c>ENCRYPTION_OLD_KEYS</c> is set. Call before <c>AddDefaultAuthentication</c>.
    /// </summary>
    public static TBuilder AddChartServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.RequireSettings(new RequiredSetting(EncryptionKeyRing.CurrentKeySetting,
            "the key that encrypts saved and cached charts: base64 of 32 random bytes", EncryptionKeyRing.IsValidKey));

        builder.AddChartEngine();
        services.AddFieldEncryption(builder.Configuration);
        services.AddMetrics();
        services.AddSingleton<ChartMetrics>();
        services.AddSingleton<SavedChartProtector>();
        services.AddSingleton<ChartCache>();

        AddChartCache(builder);
        AddStorage(builder);
        return builder;
    }

    private static readonly TimeSpan LocalCacheLimit = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Registers the Swiss Ephemeris chart engine (options from the <c>Ephemeris</c> section, e.g. <c>Ephemeris:Path</c>),
    /// the natal, transit and synastry calculators, the content ids (keyed, so they need <c>AddFieldEncryption</c>),
    /// the chart JSON contracts and the <c>ephemeris</c> health check.
    /// </summary>
    public static IHostApplicationBuilder AddChartEngine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EphemerisOptions>().BindConfiguration(EphemerisOptions.SectionName);
        builder.Services.AddSingleton<SwissEphemeris>();
        builder.Services.AddSingleton<ChartEngine>();
        builder.Services.AddSingleton<ContentId>();
        builder.Services.AddSingleton<NatalChartBuilder>();
        builder.Services.AddSingleton<TransitCalculator>();
        builder.Services.AddSingleton<SynastryCalculator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ChartJsonContext.Default));

        builder.Services.AddHealthChecks().AddCheck<EphemerisHealthCheck>("ephemeris", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    private static void AddChartCache(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var ttl = ChartCache.ReadTtl(builder.Configuration);
        // Bounded by size, not only by time: a flood of distinct inputs (about 18 KB per chart held) must not grow the
        // process for the five minutes an entry lives. HybridCache sizes each entry by its serialised length.
        var memoryLimit = ChartCache.ReadMemoryLimitBytes(builder.Configuration);
        services.AddMemoryCache(options =>
        {
            options.SizeLimit = memoryLimit;
            options.TrackStatistics = true;
        });
        services.AddHybridCache(options => options.DefaultEntryOptions = new HybridCacheEntryOptions
        {
            Expiration = ttl,
            // Memory holds recent charts only: a flood of distinct inputs must not grow the process for an hour.
            // Redis keeps them for the full TTL.
            LocalCacheExpiration = ttl < LocalCacheLimit ? ttl : LocalCacheLimit,
        }).AddSerializer<CachedChart, EncryptedChartSerializer>();

        if (!builder.Configuration.HasRedis())
        {
            return; // memory only
        }

        builder.AddRedisDistributedCache(RedisKeyPrefix);
    }

    private static void AddStorage(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SavedChartReEncryption>();
        services.AddHostedService<SavedChartReEncryptionWorker>();
        if (builder.Configuration.HasMongoDb())
        {
            builder.AddMongoDb(ChartMongoDatabase.DefaultDatabaseName);
            services.AddSingleton<ChartMongoDatabase>();
            services.AddSingleton<ISavedChartStore, MongoSavedChartStore>();
            return;
        }

        services.AddSingleton(provider => new ChartLiteDatabase(
            Path.Combine(DataDirectory.Resolve(provider.GetRequiredService<IConfiguration>()), ChartLiteDatabase.FileName)));
        services.AddSingleton<ISavedChartStore, LiteDbSavedChartStore>();
        services.AddHealthChecks().AddCheck("database", () => HealthCheckResult.Healthy("embedded LiteDB"), tags: [HealthEndpoints.ReadyTag]);
    }
}
