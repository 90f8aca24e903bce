using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Values minimal APIs cannot bind (query values, a missing body) are answered like every other invalid input: 400, the field in errors.</summary>
public sealed class ParameterBindingProblemTests : IAsyncDisposable
{
    private readonly ServiceDefaultsHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/items?page=abc", "page", "page must be a whole number.")]
    [InlineData("/items?page=99999999999", "page", "page must be a whole number.")]
    [InlineData("/items?since=yesterday", "since", "since must be a date and time (ISO 8601).")]
    [InlineData("/items?detailed=maybe", "detailed", "detailed must be true or false.")]
    [InlineData("/sized", "size", "size is required.")]
    public async Task A_query_value_that_does_not_bind_is_a_400_problem_naming_the_field(string path, string field, string message)
    {
        using var client = (await StartAsync()).GetTestClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        await AssertProblemNaming(response, field, message);
    }

    [Fact]
    public async Task A_missing_json_body_is_a_400_problem_naming_the_body_not_the_handlers_parameter()
    {
        using var client = (await StartAsync()).GetTestClient();
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/things", UriKind.Relative), empty, Ct);

        await AssertProblemNaming(response, "body", "A JSON request body is required.");
    }

    private static async Task AssertProblemNaming(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(message, errors.GetProperty(field)[0].GetString());
        // The framework's wording names .NET types and gives developers advice; a client needs neither.
        Assert.DoesNotContain("Nullable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_bind_reach_the_endpoint()
    {
        using var client = (await StartAsync()).GetTestClient();

        Assert.Equal("3", await client.GetStringAsync(new Uri("/items?page=3&detailed=true", UriKind.Relative), Ct));
    }

    private Task<WebApplication> StartAsync() => _host.StartAsync(
        _ => { },
        app =>
        {
            app.MapGet("/items", (int? page, DateTimeOffset? since, bool? detailed) =>
                Results.Text((page ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            app.MapGet("/sized", (int size) => Results.Text("ok"));
            app.MapPost("/things", (Thing thing) => Results.Text(thing.Name));
        },
        environment: "Production");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed record Thing(string Name);
}
