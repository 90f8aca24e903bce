using System.Globalization;
using System.Threading.RateLimiting;
using RedisRateLimiting;

namespace ZodiaCore.Gateway.RateLimiting;

/// <summary>
/// Counts each /api request against every policy that covers it, per authenticated user or else per client
/// IP, and answers 429 problem details with Retry-After and the IETF RateLimit headers when one is spent.
/// </summary>
internal sealed partial class RateLimitingMiddleware(RequestDelegate next, GatewayRateLimits limits, RateLimitMetrics metrics,
    ILogger<RateLimitingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!limits.Enabled)
        {
            await next(context);
            return;
        }

        var partition = PartitionKey(context);
        string? policyHeader = null;
        string? rateLimitHeader = null;
        foreach (var (policy, limiter) in limits.For(context.Request.Path))
        {
            using var lease = await limiter.AcquireAsync(partition, context.RequestAborted);
            if (!lease.IsAcquired)
            {
                var retryAfter = RetryAfterSeconds(lease, policy);
                metrics.Rejected(policy.Name);
                LogRejected(logger, policy.Name, partition.StartsWith("user:", StringComparison.Ordinal) ? "user" : "ip");
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["RateLimit-Policy"] = policy.HeaderValue;
                context.Response.Headers["RateLimit"] = $"limit={policy.PermitLimit}, remaining=0, reset={retryAfter}";
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"The '{policy.Name}' limit of {policy.PermitLimit} requests per {(int)policy.Window.TotalSeconds} s is spent; retry after {retryAfter} s.",
                    extensions: new Dictionary<string, object?> { ["policy"] = policy.Name }).ExecuteAsync(context);
                return;
            }

            // The narrowest policy that applies is the one worth telling the client about.
            policyHeader = policy.HeaderValue;
            rateLimitHeader = lease.TryGetMetadata(RateLimitMetadataName.Remaining, out var remaining)
                ? $"limit={policy.PermitLimit}, remaining={remaining}" : null;
        }

        if (policyHeader is not null)
        {
            // Set as the answer starts, not now: the answer cache keeps the headers an answer had before that, and a
            // cached answer must carry this request's count, not the one of the request that filled the cache.
            context.Response.OnStarting(static state =>
            {
                var (response, policy, rateLimit) = ((HttpResponse, string, string?))state;
                response.Headers["RateLimit-Policy"] = policy;
                if (rateLimit is not null)
                {
                    response.Headers["RateLimit"] = rateLimit;
                }

                return Task.CompletedTask;
            }, (context.Response, policyHeader, rateLimitHeader));
        }

        await next(context);
    }

    /// <summary>"user:&lt;sub&gt;" for a validated token, else "ip:&lt;address&gt;" (X-Forwarded-For only from trusted proxies).</summary>
    public static string PartitionKey(HttpContext context) =>
        context.User.FindFirst("sub")?.Value is { Length: > 0 } subject
            ? $"user:{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";

    private static int RetryAfterSeconds(RateLimitLease lease, RateLimitPolicy policy)
    {
        if (lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var redisSeconds))
        {
            return Math.Max(1, redisSeconds);
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)policy.Window.TotalSeconds;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} rejected a request (partitioned by {PartitionKind})")]
    private static partial void LogRejected(ILogger logger, string policy, string partitionKind);
}
