using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.ChartService.Observability;

namespace ZodiaCore.ChartService.Tests.Caching;

/// <summary>Collects the ZodiaCore.Charts measurements of one host (its meter factory), by instrument and tag.</summary>
internal sealed class ChartMetricsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();

    public ChartMetricsListener(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ChartMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, 1, tags));
        _listener.Start();
    }

    /// <summary>The sum of a counter (or the number of histogram records) for one tag value.</summary>
    public long Count(string instrument, string tag, string value) => _counts.GetValueOrDefault($"{instrument}|{tag}={value}");

    private void Add(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            _counts.AddOrUpdate($"{instrument.Name}|{tag.Key}={tag.Value}", value, (_, old) => old + value);
        }
    }

    public void Dispose() => _listener.Dispose();
}
