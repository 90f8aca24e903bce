using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ZodiaCore.ServiceDefaults.Errors;

/// <summary>
/// Describes a request the framework could not read (malformed JSON, a wrong type, a query value that does not parse,
/// a body too large) as a problem naming the offending field. Applied wherever the problem is written — by our
/// handler, or by the developer exception page that ASP.NET Core puts in front of it in Development — so both answer
/// alike.
/// </summary>
public static partial class BadRequestProblem
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
        else if (FindParameterError(bad.Message) is { } parameter)
        {
            problem.Title = "One or more validation errors occurred.";
            problem.Detail = parameter.Error;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter.Name] = [parameter.Error] };
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

    /// <summary>
    /// A query, route or header value that does not parse as its parameter's type (<c>?page=abc</c>), or a required one
    /// that is missing, or a missing body. Minimal APIs say so only in the exception's message, with the .NET type name
    /// (<c>Failed to bind parameter "Nullable&lt;int&gt; page" from "abc".</c>) or advice for the developer
    /// (<c>Implicit body inferred for parameter "request" but no body was provided. Did you mean to use a Service
    /// instead?</c>); clients get the field in <c>errors</c>, as for every other invalid input, and the type in words.
    /// </summary>
    private static (string Name, string Error)? FindParameterError(string message)
    {
        var match = ParameterFailure().Match(message);
        if (!match.Success)
        {
            return null;
        }

        // A missing body is named as the other body errors are, not by the handler's C# parameter.
        if (match.Groups["source"].Value == "body" || match.Groups["noBody"].Success)
        {
            return ("body", "A JSON request body is required.");
        }

        var name = match.Groups["name"].Value;
        return match.Groups["source"].Success
            ? (name, $"{name} is required.")
            : (name, $"{name} must be {Described(match.Groups["type"].Value)}.");
    }

    private static string Described(string typeName)
    {
        var type = typeName.StartsWith("Nullable<", StringComparison.Ordinal) ? typeName[9..^1] : typeName;
        return type switch
        {
            "int" or "long" or "short" or "uint" or "ulong" or "Int32" or "Int64" or "Int16" => "a whole number",
            "double" or "float" or "decimal" or "Double" or "Single" or "Decimal" => "a number",
            "bool" or "Boolean" => "true or false",
            "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
            "DateOnly" => "a date (yyyy-MM-dd)",
            "TimeOnly" or "TimeSpan" => "a time",
            "Guid" => "a GUID",
            _ => "a valid value",
        };
    }

    [GeneratedRegex("^(?:Failed to bind parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" from|Required parameter \"(?<type>[^\"]+) (?<name>[^\" ]+)\" was not provided from (?<source>[^.]+)|Implicit body inferred for parameter \"[^\"]+\" but (?<noBody>no body was provided))", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterFailure();

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
