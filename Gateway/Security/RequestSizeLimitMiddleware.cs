namespace ZodiaCore.Gateway.Security;

/// <summary>
/// Refuses a declared oversized body before anything is forwarded; Kestrel's own limit catches undeclared
/// (chunked) bodies while they stream, and the proxy answers those 413 too.
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, GatewayOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The request body exceeds the gateway's limit of {options.MaxRequestBodyBytes} bytes.").ExecuteAsync(context);
        }

        return next(context);
    }
}
