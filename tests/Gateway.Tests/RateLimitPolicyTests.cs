using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ZodiaCore.Gateway.RateLimiting;

namespace ZodiaCore.Gateway.Tests;

public sealed class RateLimitPolicyTests
{
    private static readonly IReadOnlyList<RateLimitPolicy> Policies = RateLimitPolicy.From(new RateLimitingOptions());

    [Theory]
    [InlineData("/api/auth/login", new[] { "api", "auth" })]
    [InlineData("/api/auth/register", new[] { "api", "auth" })]
    [InlineData("/api/auth/refresh", new[] { "api" })]
    [InlineData("/api/charts/natal", new[] { "api" })]
    [InlineData("/health", new string[0])]
    [InlineData("/docs", new string[0])]
    public void Login_and_registration_count_against_both_limits_other_api_calls_against_one(string path, string[] expected) =>
        Assert.Equal(expected, Policies.Where(p => p.Applies(path)).Select(p => p.Name));

    [Fact]
    public void The_default_limits_are_the_operations_guide_figures()
    {
        Assert.Equal("100;w=900", Policies.Single(p => p.Name == "api").HeaderValue);
        Assert.Equal("10;w=900", Policies.Single(p => p.Name == "auth").HeaderValue);
    }

    [Fact]
    public void An_authenticated_caller_is_counted_by_user_and_an_anonymous_one_by_address()
    {
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.1");
        var authenticated = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "u-1")], "Bearer")) };
        authenticated.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.1");

        Assert.Equal("ip:192.0.2.1", RateLimitingMiddleware.PartitionKey(anonymous));
        Assert.Equal("user:u-1", RateLimitingMiddleware.PartitionKey(authenticated));
    }
}
