using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// Describes a request the framework could not read (malformed JSON, a wrong type, a body too large) as a
/// problem naming the offending field. Applied wherever the problem is written — by our handler, or by the
/// developer exception page that ASP.NET Core puts in front of it in Development — so both answer alike.
/// </summary>
public static class BadRequestProblem
{
    /// <summary>Fills in title, detail and errors for <paramref name="bad"/>; the status is the exception's.</summary>
    public static void Describe(ProblemDetails problem, BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(bad);
        problem.Status = bad.StatusCode;
        problem.Type = null;
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            problem.Title = "Request body too large";
            problem.Detail = "The request body exceeds the size this endpoint accepts.";
        }
        else if (FindJsonError(bad) is { } json)
        {
            problem.Title = "The request body is not valid JSON for this endpoint";
            problem.Detail = "One or more fields are missing, malformed or of the wrong type.";
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [FieldName(json.Path)] = ["The value is missing, malformed or of the wrong type."],
            };
        }
        else
        {
            problem.Title = "Bad request";
            // The framework's own messages name parameters and types, which is useful and not sensitive.
            problem.Detail = bad.Message.Length <= 300 ? bad.Message : "The request could not be read.";
        }
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
}
