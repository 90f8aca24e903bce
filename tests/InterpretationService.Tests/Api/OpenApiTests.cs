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
}
