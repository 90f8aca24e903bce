using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class CorrelationIdMiddlewareTests
{
    [Fact]
    public async Task A_well_formed_client_id_is_kept_and_put_in_baggage_for_downstream_calls()
    {
        using var activity = new Activity("request").Start();
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Correlation-ID"] = "abc-123";

        await RunAsync(context);

        Assert.Equal("abc-123", CorrelationContext.Current(context));
        Assert.Equal("abc-123", activity.GetBaggageItem(CorrelationId.BaggageKey));
    }

    [Fact]
    public async Task A_malformed_client_id_is_replaced_by_the_trace_id_and_overwritten_before_forwarding()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Correlation-ID"] = "bad id";

        await RunAsync(context);

        var expected = activity.TraceId.ToHexString();
        Assert.Equal(expected, CorrelationContext.Current(context));
        Assert.Equal(expected, context.Request.Headers["X-Correlation-ID"].ToString());
    }

    [Fact]
    public async Task Without_a_header_the_id_an_upstream_service_sent_in_baggage_is_used()
    {
        using var activity = new Activity("request").Start();
        activity.AddBaggage(CorrelationId.BaggageKey, "from-upstream");
        var context = new DefaultHttpContext();

        await RunAsync(context);

        Assert.Equal("from-upstream", CorrelationContext.Current(context));
    }

    [Fact]
    public async Task The_header_name_is_configurable()
    {
        using var activity = new Activity("request").Start();
        var context = new DefaultHttpContext();
        context.Request.Headers["X-Request-Id"] = "custom-1";

        await RunAsync(context, new CorrelationOptions { HeaderName = "X-Request-Id" });

        Assert.Equal("custom-1", CorrelationContext.Current(context));
    }

    private static Task RunAsync(HttpContext context, CorrelationOptions? options = null)
    {
        var middleware = new CorrelationIdMiddleware(_ => Task.CompletedTask, Options.Create(options ?? new CorrelationOptions()));
        return middleware.InvokeAsync(context);
    }
}
