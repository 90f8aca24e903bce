using System.Net;

namespace ZodiaCore.InterpretationService.Tests.Api;

public sealed class OpenApiTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_public_endpoints_and_hides_the_internal_ones()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json", ApiJson.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/interpretations", paths);
        Assert.Contains("/api/interpretations/{id}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/internal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creating_an_interpretation_is_documented_with_the_bearer_token_and_every_problem_it_can_answer()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/openapi/v1.json", ApiJson.Ct);

        var create = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty("/api/interpretations").GetProperty("post");
        Assert.Equal(["Bearer"], create.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).Select(p => p.Name));
        var statuses = create.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["200", "400", "401", "403", "404", "413", "422", "429", "502", "503", "504"], statuses.Order());
    }
}
