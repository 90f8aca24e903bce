using System.Text.Json;

namespace ZodiaCore.IdentityService.Tests.Api;

public sealed class OpenApiTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    [Theory]
    [InlineData("/api/auth/login", "post", new[] { "200", "400", "401", "413", "423", "429", "502", "503", "504" })]
    [InlineData("/api/auth/refresh", "post", new[] { "200", "400", "401", "413", "429", "502", "503", "504" })]
    [InlineData("/api/users/me", "get", new[] { "200", "401", "403", "404", "429", "502", "503", "504" })]
    public async Task Each_endpoint_documents_every_status_it_can_answer(string path, string method, string[] statuses)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.Equal(statuses, operation.GetProperty("responses").EnumerateObject().Select(p => p.Name).Order());
    }
}
