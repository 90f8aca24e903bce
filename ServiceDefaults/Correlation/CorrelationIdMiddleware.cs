using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ZodiaCore.ServiceDefaults.Correlation;

/// <summary>
/// Chooses the request's correlation id — a well-formed client header, else the id an upstream service put in
/// W3C baggage, else the trace id — echoes it, and puts it in baggage so every downstream call carries it.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, IOptions<CorrelationOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headerName = options.Value.HeaderName;
        var activity = Activity.Current;
        string? fromHeader = context.Request.Headers[headerName];
        var fromBaggage = activity?.GetBaggageItem(CorrelationId.BaggageKey);

        var correlationId = CorrelationId.IsValid(fromHeader) ? fromHeader!
            : CorrelationId.IsValid(fromBaggage) ? fromBaggage!
            : activity?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");

        // Overwrite what came in, so a proxy forwarding this request never passes on a malformed value.
        context.Request.Headers[headerName] = correlationId;
        if (activity is not null && fromBaggage != correlationId)
        {
            activity.SetBaggage(CorrelationId.BaggageKey, correlationId);
        }

        activity?.SetTag("correlation.id", correlationId);
        CorrelationContext.Set(context, correlationId);
        context.Response.OnStarting(static state =>
        {
            var (ctx, name, id) = ((HttpContext, string, string))state;
            ctx.Response.Headers[name] = id;
            return Task.CompletedTask;
        }, (context, headerName, correlationId));
        return next(context);
    }
}
