using System.Text.RegularExpressions;
using MongoDB.Driver;
using StackExchange.Redis;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// Tells a data store that cannot be reached (no MongoDB server to select, a refused or dropped connection, a primary
/// stepping down, Redis down, a timeout waiting for either) from a fault in a request or in the code. Requests answer
/// an outage with 503 (<see cref="DependencyUnavailableExceptionHandler"/>); background work logs it as a warning and
/// retries, instead of an error with a stack trace at every pass of the outage.
/// </summary>
public static class StoreOutage
{
    /// <summary>The exception, or one it wraps, that says a store could not be reached; null for anything else.</summary>
    public static Exception? Find(Exception? exception)
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

    /// <summary>
    /// What to log about the outage: the start of its message. The drivers' messages describe the whole cluster
    /// (kilobytes; hosts but no credentials), and the start says enough.
    /// </summary>
    public static string Describe(Exception outage)
    {
        ArgumentNullException.ThrowIfNull(outage);
        var message = outage.Message;
        return message.Length <= 200 ? message : message[..200] + "…";
    }
}
