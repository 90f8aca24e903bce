using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.IdentityService.Maintenance;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tests.Api;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>
/// Account deletion against a stand-in for ChartService's <c>/internal/users/{id}</c> endpoint, on the fake clock: an
/// access token issued before the deletion still works at the services until it expires, so what it saves there must
/// be deleted too.
/// </summary>
public sealed class AccountDeletionTests : IAsyncLifetime
{
    private static readonly TimeSpan TokenHorizon = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(30);
    private readonly StandInUserDataService _charts = new("charts");
    private readonly CustomisedIdentityApp _host;

    public AccountDeletionTests()
    {
        _host = new(builder => StandInUserDataService.Register(builder, _charts));
        _charts.Clock = Factory.Time;
    }

    private IdentityApiFactory Factory => _host.Factory;

    private WebApplicationFactory<Program> App => _host.App;

    private HttpClient Client => _host.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Data_saved_with_a_token_from_before_the_deletion_is_deleted_by_a_final_pass_once_such_tokens_have_expired()
    {
        const string email = "nora@example.com";
        Assert.Equal(HttpStatusCode.Created, (await Factory.RegisterAsync(Client, email)).StatusCode);
        var access = (await (await Factory.LoginAsync(Client, email)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString()!;
        var userId = (await (await SendAsync(HttpMethod.Get, "/api/users/me", access)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var deletedAt = Factory.Time.GetUtcNow();

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, "/api/users/me", access)).StatusCode);

        // The services deleted the data at once; the closed record stays, and with it the address, until the horizon.
        Assert.Contains(_charts.Deletes, d => d.UserId == userId);
        var users = App.Services.GetRequiredService<IUserStore>();
        Assert.NotNull(await users.FindByIdAsync(userId, Ct));
        using (var early = await Factory.RegisterAsync(Client, email))
        {
            Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
            Assert.Contains("being deleted", await early.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A maintenance pass before the horizon asks the services again but keeps the record.
        var worker = ActivatorUtilities.CreateInstance<IdentityMaintenanceWorker>(App.Services);
        Factory.Time.Advance(TokenHorizon - TimeSpan.FromSeconds(5));
        await worker.RunOnceAsync(rotateEncryption: false, Ct);
        Assert.NotNull(await users.FindByIdAsync(userId, Ct));

        // Past the horizon, no token from before the deletion is valid any more: one last delete, then the record goes.
        Factory.Time.Advance(TimeSpan.FromSeconds(10));
        await worker.RunOnceAsync(rotateEncryption: false, Ct);

        Assert.Contains(_charts.Deletes, d => d.UserId == userId && d.At >= deletedAt + TokenHorizon);
        Assert.Null(await users.FindByIdAsync(userId, Ct));
        using var again = await Factory.RegisterAsync(Client, email);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string accessToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Client.SendAsync(request, Ct);
    }
}
