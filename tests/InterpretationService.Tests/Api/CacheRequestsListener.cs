using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>Records <c>zodiacore.interpretation.cache.requests</c> of one host (its meter factory), in order.</summary>
internal sealed class CacheRequestsListener : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<string> results = new();

    public CacheRequestsListener(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == InterpretationMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory)
                && instrument.Name == "zodiacore.interpretation.cache.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "result")
                {
                    results.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();
    }

    public IReadOnlyList<string> Results => [.. results];

    public void Dispose() => listener.Dispose();
}
