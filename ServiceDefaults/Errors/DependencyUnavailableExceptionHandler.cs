using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// A data store that cannot be reached (no MongoDB server to select, a refused or dropped connection, a primary
/// stepping down, Redis down, a timeout waiting for either) is an outage of a dependency, not a fault in the request
/// or in the code: the answer is 503 with <c>Retry-After</c>, which clients and proxies know to retry, and the log line
/// is a warning naming the exception, not an error with a stack trace for every request of the outage.
/// </summary>
internal sealed partial class DependencyUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DependencyUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait: about how long a replica-set election or a restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Unavailability(exception) is not { } cause || httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        // The driver's messages describe the whole cluster (kilobytes, hosts but no credentials): the start says enough.
        var reason = cause.Message.Length <= 200 ? cause.Message : cause.Message[..200] + "…";
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, cause.GetType().Name, reason);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "A data store this service needs cannot be reached at the moment. Try again shortly.",
            },
        });
    }

    /// <summary>The exception, or one it wraps, that says a store could not be reached; null for anything else.</summary>
    internal static Exception? Unavailability(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 4; depth++, exception = exception.InnerException)
        {
            // MongoDB's server selection and StackExchange.Redis's RedisTimeoutException are TimeoutExceptions; a regular
            // expression's time limit is one too, but says nothing about a store.
            if (exception is TimeoutException and not RegexMatchTimeoutException
                or MongoConnectionException
                or MongoNotPrimaryException
                or MongoNodeIsRecoveringException
                or MongoExecutionTimeoutException
                or MongoWaitQueueFullException
                or RedisConnectionException)
            {
                return exception;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: a data store is unreachable ({ExceptionType}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string exceptionType, string reason);
}
