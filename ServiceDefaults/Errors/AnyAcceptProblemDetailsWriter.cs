using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// The last problem-details writer: answers a client whose <c>Accept</c> names only other types (an SSE client asking
/// with <c>text/event-stream</c>) with the same RFC 9457 JSON everyone else gets. The framework's writer declines such
/// a request, and without this the exception handler's problem is never written: the client sees an empty 500
/// instead of the 4xx that names its mistake. An error body in another type than asked for is what RFC 9110 allows
/// (a server may disregard Accept) and far more useful than a bare status.
/// </summary>
internal sealed class AnyAcceptProblemDetailsWriter : IProblemDetailsWriter
{
    private const string ProblemJson = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The request is answered with this problem, so its Accept has no other reader. Rewriting it lets the
        // framework's own writer apply the shared customisation (correlation id, trace id, instance, type links).
        context.HttpContext.Request.Headers.Accept = ProblemJson;
        foreach (var writer in context.HttpContext.RequestServices.GetServices<IProblemDetailsWriter>())
        {
            if (writer is not AnyAcceptProblemDetailsWriter && writer.CanWrite(context))
            {
                return writer.WriteAsync(context);
            }
        }

        return ValueTask.CompletedTask;
    }
}
