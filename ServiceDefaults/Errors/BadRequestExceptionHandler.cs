using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// Turns a request the framework could not read (malformed JSON, wrong types, body too large) into a 4xx
/// problem that names the offending field, instead of a bare status code.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        ProblemDetails problem = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Title = "Request body too large",
                Detail = "The request body exceeds the size this endpoint accepts.",
            },
            _ when FindJsonError(bad) is { } json => new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldName(json.Path)] = ["The value is missing, malformed or of the wrong type."],
            })
            {
                Title = "The request body is not valid JSON for this endpoint",
            },
            _ => new ProblemDetails { Title = "Bad request", Detail = SafeDetail(bad) },
        };
        problem.Status = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>"$.location.latitude" → "location.latitude"; "$" (the whole body) → "body".</summary>
    public static string FieldName(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }

    // The framework's messages name parameters and types, which is useful and not sensitive; inner
    // exception messages are not passed on.
    private static string SafeDetail(BadHttpRequestException bad) =>
        bad.Message.Length <= 300 ? bad.Message : "The request could not be read.";
}
