using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Serilog.Core;
using Serilog.Events;
using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.ServiceDefaults.Logging;

/// <summary>Adds the correlation id and the caller's user id to every event written during a request.</summary>
internal sealed class RequestContextEnricher(IHttpContextAccessor accessor) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var correlationId = CorrelationContext.Current(accessor.HttpContext) ?? Activity.Current?.GetBaggageItem(CorrelationId.BaggageKey);
        if (correlationId is not null)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("CorrelationId", correlationId));
        }

        var userId = accessor.HttpContext?.User.FindFirst("sub")?.Value;
        if (userId is not null)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("UserId", userId));
        }
    }
}
