using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ZodiaCore.IntegrationTests;

/// <summary>What a consumer of the public API does to get an account and its tokens, through the gateway.</summary>
internal sealed record TestAccount(string Email, string Password, string AccessToken, string RefreshToken);

internal static class IdentityClient
{
    public static async Task<TestAccount> RegisterAndLoginAsync(HttpClient gateway, string? email = null, string password = "Correct-Horse-Battery-9")
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        using var registered = await gateway.PostAsJsonAsync("/api/auth/register",
            new { email, password, displayName = "Test User" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var tokens = await LoginAsync(gateway, email, password);
        return new TestAccount(email, password, tokens.AccessToken, tokens.RefreshToken);
    }

    public static async Task<(string AccessToken, string RefreshToken)> LoginAsync(HttpClient gateway, string email, string password)
    {
        using var response = await gateway.PostAsJsonAsync("/api/auth/login", new { email, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = await FoundationTests.ReadJsonAsync(response);
        return (json.RootElement.GetProperty("accessToken").GetString()!, json.RootElement.GetProperty("refreshToken").GetString()!);
    }

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient gateway, HttpMethod method, string path, string? accessToken, object? body = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await gateway.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonDocument> ReadAsync(HttpResponseMessage response) => await FoundationTests.ReadJsonAsync(response);
}
