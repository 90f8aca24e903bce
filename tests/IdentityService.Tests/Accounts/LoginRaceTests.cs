using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Tests.Api;
using ZodiaCore.IdentityService.Tests.Storage;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>
/// What lands on an account while a login is verifying its password (~100 ms of Argon2) must survive that login:
/// the store stand-in locks the account right after the login has read it, as an administrator could.
/// </summary>
public sealed class LoginRaceTests : IAsyncLifetime
{
    private readonly CustomisedIdentityApp _host = CustomisedIdentityApp.WithUserStore(inner => new LockingDuringLoginStore(inner));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_administrators_lock_set_while_a_login_verifies_the_password_refuses_it_and_stays()
    {
        Assert.Equal(HttpStatusCode.Created, (await _host.Factory.RegisterAsync(_host.Client, "olga@example.com")).StatusCode);
        var store = _host.App.Services.GetRequiredService<LockingDuringLoginStore>();
        store.LockOnNextLookup = true;

        using var login = await _host.Factory.LoginAsync(_host.Client, "olga@example.com");

        Assert.Equal((HttpStatusCode)423, login.StatusCode);
        Assert.True((await store.FindByIdAsync(store.LockedId!, Ct))!.LockedByAdmin);
    }

    /// <summary>The embedded store, but an e-mail lookup can lock the account it returns, after reading it.</summary>
    public sealed class LockingDuringLoginStore(IUserStore inner) : DelegatingUserStore(inner)
    {
        public bool LockOnNextLookup { get; set; }

        public string? LockedId { get; private set; }

        public override async Task<UserAccount?> FindByEmailHashAsync(IReadOnlyList<string> emailHashes, CancellationToken cancellationToken)
        {
            var found = await Inner.FindByEmailHashAsync(emailHashes, cancellationToken);
            if (found is not null && LockOnNextLookup)
            {
                LockOnNextLookup = false;
                LockedId = found.Id;
                await Inner.ReplaceAsync(found with { LockedByAdmin = true }, cancellationToken);
            }

            return found;
        }
    }
}
