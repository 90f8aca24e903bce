using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ZodiaCore.ServiceDefaults.Errors;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class BadRequestProblemTests
{
    [Fact]
    public void A_wrongly_typed_json_field_is_named_in_errors()
    {
        var json = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>("""{"location":{"latitude":"north"}}""", JsonSerializerOptions.Web));
        var problem = new ProblemDetails();

        BadRequestProblem.Describe(problem, new BadHttpRequestException("Failed to read parameter", 400, json));

        Assert.Equal(400, problem.Status);
        var errors = Assert.IsType<Dictionary<string, string[]>>(problem.Extensions["errors"]);
        Assert.Equal(["location.latitude"], errors.Keys);
    }

    [Fact]
    public void A_body_over_the_limit_is_413_without_internals()
    {
        var problem = new ProblemDetails();

        BadRequestProblem.Describe(problem, new BadHttpRequestException("Request body too large. The max request body size is 1048576 bytes.", 413));

        Assert.Equal(413, problem.Status);
        Assert.Equal("Request body too large", problem.Title);
        Assert.DoesNotContain("1048576", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$.birth.date", "birth.date")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    [InlineData("$.bodies[2]", "bodies[2]")]
    public void Json_paths_become_field_names(string? path, string expected) =>
        Assert.Equal(expected, BadRequestProblem.FieldName(path));

    private sealed record Body(Location Location);

    private sealed record Location(double Latitude);
}
