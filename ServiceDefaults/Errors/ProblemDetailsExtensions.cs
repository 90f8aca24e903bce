using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZodiaCore.ServiceDefaults.Correlation;
using ZodiaCore.ServiceDefaults.Hosting;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>RFC 9457 problem details for every error, carrying the correlation id and never a stack trace.</summary>
public static class ProblemDetailsExtensions
{
    /// <summary>Adds problem details, the bad-request handler and the default pipeline.</summary>
    public static TBuilder AddDefaultProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            context.ProblemDetails.Extensions["correlationId"] = CorrelationContext.Current(http);
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
            // Exceptions are described, never dumped: not even the Development exception page may show internals.
            context.ProblemDetails.Extensions.Remove("exception");
            switch (context.Exception)
            {
                case BadHttpRequestException bad:
                    BadRequestProblem.Describe(context.ProblemDetails, bad);
                    break;
                case not null when context.ProblemDetails.Status is null or >= 500:
                    context.ProblemDetails.Title = "An unexpected error occurred";
                    context.ProblemDetails.Detail = "The error was logged with this response's correlation id.";
                    break;
            }
        });
        // After AddProblemDetails' own writer, so it is asked only when that one declines the request's Accept.
        builder.Services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        // Minimal APIs then report unreadable bodies as exceptions that BadRequestExceptionHandler names.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<IStartupFilter, DefaultPipelineStartupFilter>();
        return builder;
    }
}
