using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>What every service's OpenAPI document says beyond each endpoint's own declarations.</summary>
public sealed class OpenApiDocumentTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Thing(string Name);

    [Fact]
    public async Task An_authorised_endpoint_is_documented_with_the_bearer_scheme_and_its_401_and_403_problems()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var mine = Operation(document, "/api/mine", "get");
        Assert.Equal(["Bearer"], mine.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name));
        AssertProblem(mine, "401");
        AssertProblem(mine, "403");
    }

    [Fact]
    public async Task An_anonymous_endpoint_has_no_security_requirement_and_no_401()
    {
        var open = Operation(await DocumentAsync(), "/api/things", "post");

        Assert.False(open.TryGetProperty("security", out _));
        Assert.False(open.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Every_operation_documents_the_gateways_502_503_and_504_problems_one_under_api_its_429_and_one_with_a_body_its_413()
    {
        var document = await DocumentAsync();

        foreach (var (path, method) in new[] { ("/api/things", "post"), ("/api/mine", "get") })
        {
            AssertProblem(Operation(document, path, method), "429");
            foreach (var status in new[] { "502", "503", "504" })
            {
                AssertProblem(Operation(document, path, method), status);
            }
        }

        foreach (var status in new[] { "429", "503" })
        {
            var header = Operation(document, "/api/mine", "get").GetProperty("responses").GetProperty(status).GetProperty("headers").GetProperty("Retry-After");
            Assert.Equal("integer", header.GetProperty("schema").GetProperty("type").GetString());
        }

        AssertProblem(Operation(document, "/api/things", "post"), "413");
        Assert.False(Operation(document, "/api/mine", "get").GetProperty("responses").TryGetProperty("413", out _));
        // The gateway's rate limits cover /api/** only.
        AssertProblem(Operation(document, "/.well-known/thing", "get"), "503");
        Assert.False(Operation(document, "/.well-known/thing", "get").GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task A_status_the_endpoint_documents_itself_is_left_as_the_endpoint_documents_it()
    {
        var quota = Operation(await DocumentAsync(), "/api/quota", "post");

        var content = quota.GetProperty("responses").GetProperty("429").GetProperty("content");
        Assert.Equal(["application/json"], content.EnumerateObject().Select(p => p.Name));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> DocumentAsync()
    {
        var app = await _host.StartAsync(
            builder =>
            {
                builder.Services.AddAuthentication();
                builder.Services.AddAuthorization();
            },
            app =>
            {
                app.MapPost("/api/things", (Thing thing) => TypedResults.Ok(thing));
                app.MapGet("/api/mine", () => TypedResults.Ok("mine")).RequireAuthorization();
                app.MapPost("/api/quota", () => TypedResults.NoContent()).Produces<Thing>(StatusCodes.Status429TooManyRequests);
                app.MapGet("/.well-known/thing", () => TypedResults.Ok("thing"));
                app.MapDefaultEndpoints();
            });
        using var client = app.GetTestClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static void AssertProblem(JsonElement operation, string status)
    {
        var response = operation.GetProperty("responses").GetProperty(status);
        Assert.False(string.IsNullOrWhiteSpace(response.GetProperty("description").GetString()));
        var schema = response.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
    }
}
