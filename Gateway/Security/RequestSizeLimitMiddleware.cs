using Microsoft.AspNetCore.Http.Features;

namespace ZodiaCore.Gateway.Security;

/// <summary>
/// Refuses a declared oversized body before anything is forwarded; Kestrel's own limit catches undeclared
/// (chunked) bodies while they stream, and the proxy answers those 413 too.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, GatewayOptions options)
{
    /// <summary>How many times the limit a refused body may be and still be read to its end after the answer.</summary>
    public const int DrainFactor = 8;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength is { } declared && declared > options.MaxRequestBodyBytes)
        {
            // The client is still sending the body when the 413 goes out. Kestrel reads what is left after the answer,
            // but only up to its body limit, and then drops the connection without warning: a keep-alive client that
            // sent its next request on it got "response ended prematurely" instead of an answer. A body up to a few
            // times the limit is read to its end (as nginx's lingering close does), so the connection serves the
            // next request; a larger one is not worth reading, and "Connection: close" tells the client so.
            if (declared <= options.MaxRequestBodyBytes * DrainFactor
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = declared;
            }
            else
            {
                context.Response.Headers.Connection = "close";
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The request body exceeds the gateway's limit of {options.MaxRequestBodyBytes} bytes.").ExecuteAsync(context);
        }

        return next(context);
    }
}
