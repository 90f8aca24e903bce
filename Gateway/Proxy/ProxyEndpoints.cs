using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ZodiaCore.Gateway.Proxy;

/// <summary>The reverse proxy, with upstream failures answered as problem details.</summary>
public static class ProxyEndpoints
{
    /// <summary>Maps the configured YARP routes; unknown paths fall through to a 404 problem.</summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.Use(WriteUpstreamProblemAsync));
        app.MapFallback(static () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            title: "Not found", detail: "No API route matches this path."));
        return app;
    }

    private static async Task WriteUpstreamProblemAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Cluster?.Config.ClusterId ?? "upstream";
        var problem = UpstreamProblem.Classify(error.Error, error.Exception, service);
        if (problem is null)
        {
            return; // the client went away
        }

        context.Response.StatusCode = problem.Status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new() { Status = problem.Status, Title = problem.Title, Detail = problem.Detail, Extensions = { ["service"] = service } },
        });
    }
}
