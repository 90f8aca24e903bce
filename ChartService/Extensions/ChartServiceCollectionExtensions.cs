using Microsoft.Extensions.DependencyInjection.Extensions;
using ZodiaCore.ChartService.Apis;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;
using ZodiaCore.ChartService.Synastry;
using ZodiaCore.ChartService.Transits;
using ZodiaCore.ServiceDefaults.Health;

namespace ZodiaCore.ChartService.Extensions;

public static class ChartServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Swiss Ephemeris chart engine (options from the <c>Ephemeris</c> section, e.g. <c>Ephemeris:Path</c>),
    /// the natal, transit and synastry calculators, the chart JSON contracts and the <c>ephemeris</c> health check.
    /// </summary>
    public static IHostApplicationBuilder AddChartEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EphemerisOptions>().BindConfiguration(EphemerisOptions.SectionName);
        builder.Services.AddSingleton<SwissEphemeris>();
        builder.Services.AddSingleton<ChartEngine>();
        builder.Services.AddSingleton<NatalChartBuilder>();
        builder.Services.AddSingleton<TransitCalculator>();
        builder.Services.AddSingleton<SynastryCalculator>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, ChartJsonContext.Default));

        builder.Services.AddHealthChecks().AddCheck<EphemerisHealthCheck>("ephemeris", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
