using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tests.Api;
using ZodiaCore.IdentityService.Tests.Storage;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>
/// Whole-account writes (profile changes, roles, locks, closing for deletion) read the account and write it back a
/// moment later. The store stand-in slips another writer's change in between; it must survive, and the change
/// asked for must be made on top of it (or refused), never written over it.
/// </summary>
public sealed class AccountWriteRaceTests : IAsyncLifetime
{
    private const string Email = "ruth@example.com";

    private readonly CustomisedIdentityApp _host = CustomisedIdentityApp.WithUserStore(inner => new InterleavingUserStore(inner));

    private string _access = "";
    private string _userId = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private InterleavingUserStore Store => _host.App.Services.GetRequiredService<InterleavingUserStore>();

    public async ValueTask InitializeAsync()
    {
        Assert.Equal(HttpStatusCode.Created, (await _host.Factory.RegisterAsync(_host.Client, Email)).StatusCode);
        _access = await _host.Factory.AccessTokenAsync(_host.Client, Email);
        using var me = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Get, "/api/users/me", _access);
        _userId = (await me.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<UserAccount?> StoredAsync() => Store.FindByIdAsync(_userId, Ct);

    private static async Task ChangeAsync(IUserStore store, string id, Func<UserAccount, UserAccount> change)
    {
        var current = (await store.FindByIdAsync(id, Ct))!;
        Assert.True(await store.ReplaceAsync(change(current), Ct));
    }

    [Fact]
    public async Task A_profile_change_made_while_an_administrator_locks_the_account_keeps_the_lock_and_the_change()
    {
        Store.BeforeReplace = (inner, user) => ChangeAsync(inner, user.Id, u => u with { LockedByAdmin = true });

        using var patch = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Patch, "/api/users/me", _access, new { displayName = "Ruth B." });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var stored = (await StoredAsync())!;
        Assert.Equal((true, "Ruth B."), (stored.LockedByAdmin, stored.DisplayName));
    }

    [Fact]
    public async Task A_profile_change_made_while_the_account_is_closed_for_deletion_leaves_it_closed_and_answers_404()
    {
        Store.BeforeReplace = (inner, user) => ChangeAsync(inner, user.Id, u => u with { DeletionRequestedAt = DateTimeOffset.UtcNow });

        using var patch = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Patch, "/api/users/me", _access, new { displayName = "Ruth B." });

        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        var stored = (await StoredAsync())!;
        Assert.NotNull(stored.DeletionRequestedAt);
        Assert.Equal("Test User", stored.DisplayName);
    }

    [Fact]
    public async Task A_profile_change_that_keeps_meeting_other_writes_is_refused_with_a_409_problem_and_writes_nothing()
    {
        Store.EveryTime = true;
        Store.BeforeReplace = (inner, user) => inner.IncrementFailedLoginsAsync(user.Id, Ct);

        using var patch = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Patch, "/api/users/me", _access, new { displayName = "Ruth B." });

        Assert.Equal(HttpStatusCode.Conflict, patch.StatusCode);
        Assert.Equal("application/problem+json", patch.Content.Headers.ContentType?.MediaType);
        Store.BeforeReplace = null;
        Assert.Equal("Test User", (await StoredAsync())!.DisplayName);
    }

    [Fact]
    public async Task An_administrators_lock_made_while_the_user_closes_the_account_does_not_reopen_it()
    {
        var admin = await _host.Factory.AccessTokenAsync(_host.Client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword);
        Store.BeforeReplace = (inner, user) => ChangeAsync(inner, user.Id, u => u with { DeletionRequestedAt = DateTimeOffset.UtcNow });

        using var locking = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Post, $"/api/admin/users/{_userId}/lock", admin);

        Assert.Equal(HttpStatusCode.OK, locking.StatusCode);
        var stored = (await StoredAsync())!;
        Assert.True(stored.LockedByAdmin);
        Assert.NotNull(stored.DeletionRequestedAt);
    }

    [Fact]
    public async Task Closing_the_account_while_an_administrator_changes_its_roles_keeps_both()
    {
        Store.BeforeReplace = (inner, user) => ChangeAsync(inner, user.Id, u => u with { Roles = [Roles.User, Roles.Admin] });

        using var delete = await IdentityApiFactory.SendAsync(_host.Client, HttpMethod.Delete, "/api/users/me", _access);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var stored = (await StoredAsync())!;
        Assert.NotNull(stored.DeletionRequestedAt);
        Assert.Contains(Roles.Admin, stored.Roles);
    }
}
