using ZodiaCore.IdentityService.Accounts;
using ZodiaCore.IdentityService.Storage;

namespace ZodiaCore.IdentityService.Tests.Storage;

/// <summary>The behaviour every storage adapter must show; one subclass per adapter.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private IUserStore? _users;
    private IRefreshTokenStore? _tokens;
    private ISigningKeyStore? _keys;

    // Every test touches a store first, so the adapter's availability check runs before any assertion.
    protected IUserStore Users { get => Ready(_users); set => _users = value; }

    protected IRefreshTokenStore Tokens { get => Ready(_tokens); set => _tokens = value; }

    protected ISigningKeyStore Keys { get => Ready(_keys); set => _keys = value; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Removes the stored account's <c>version</c> field, as in an account stored before versions existed.</summary>
    protected abstract Task RemoveVersionFieldAsync(string id);

    /// <summary>Skips the test (with a reason) when the adapter's server is not available.</summary>
    protected virtual void BeforeEach()
    {
    }

    private T Ready<T>(T? store) where T : class
    {
        BeforeEach();
        return store ?? throw new InvalidOperationException("The store was not initialised.");
    }

    private static UserAccount NewUser(string id, string? emailHash = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        EmailHash = emailHash ?? "hash-" + id,
        EmailCiphertext = [1, 2, 3],
        DisplayName = "User " + id,
        PasswordHash = "$argon2id$...",
        Roles = [Roles.User],
        CreatedAt = createdAt ?? T0,
    };

    private static RefreshTokenRecord NewToken(string hash, string userId, string family, DateTimeOffset? expiresAt = null) => new()
    {
        TokenHash = hash,
        UserId = userId,
        FamilyId = family,
        CreatedAt = T0,
        ExpiresAt = expiresAt ?? T0.AddDays(14),
    };

    [Fact]
    public async Task A_created_user_is_found_by_id_and_by_email_hash_with_every_field_intact()
    {
        var user = NewUser("u1") with
        {
            LastLogin = T0.AddMinutes(5),
            FailedLoginCount = 2,
            LockedUntil = T0.AddMinutes(15),
            LockedByAdmin = true,
            BirthCiphertext = [9, 8],
            LocationCiphertext = [7],
            Roles = [Roles.User, Roles.Admin],
            DeletionRequestedAt = T0.AddHours(1),
        };

        Assert.True(await Users.TryCreateAsync(user, Ct));

        var byId = await Users.FindByIdAsync("u1", Ct);
        var byHash = await Users.FindByEmailHashAsync(["nope", "hash-u1"], Ct);
        Assert.NotNull(byId);
        Assert.Equal(user.EmailCiphertext, byId.EmailCiphertext);
        Assert.Equal(user.BirthCiphertext, byId.BirthCiphertext);
        Assert.Equal(user.LocationCiphertext, byId.LocationCiphertext);
        Assert.Equal(user.Roles, byId.Roles);
        Assert.Equal(user with { EmailCiphertext = byId.EmailCiphertext, BirthCiphertext = byId.BirthCiphertext, LocationCiphertext = byId.LocationCiphertext, Roles = byId.Roles }, byId);
        Assert.Equal("u1", byHash?.Id);
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_hash_is_refused()
    {
        Assert.True(await Users.TryCreateAsync(NewUser("u1", "same"), Ct));

        Assert.False(await Users.TryCreateAsync(NewUser("u2", "same"), Ct));
        Assert.Null(await Users.FindByIdAsync("u2", Ct));
    }

    [Fact]
    public async Task An_unknown_user_is_not_found()
    {
        Assert.Null(await Users.FindByIdAsync("missing", Ct));
        Assert.Null(await Users.FindByEmailHashAsync(["missing"], Ct));
    }

    [Fact]
    public async Task Replace_updates_a_user_and_reports_a_missing_one()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);

        Assert.True(await Users.ReplaceAsync(NewUser("u1") with { DisplayName = "Renamed", BirthCiphertext = [5] }, Ct));
        Assert.False(await Users.ReplaceAsync(NewUser("ghost"), Ct));

        var stored = await Users.FindByIdAsync("u1", Ct);
        Assert.Equal("Renamed", stored?.DisplayName);
        Assert.Equal([5], stored?.BirthCiphertext);
    }

    [Fact]
    public async Task Replace_cannot_take_another_users_email_hash()
    {
        await Users.TryCreateAsync(NewUser("u1", "h1"), Ct);
        await Users.TryCreateAsync(NewUser("u2", "h2"), Ct);

        Assert.False(await Users.ReplaceAsync(NewUser("u2", "h1"), Ct));
    }

    [Fact]
    public async Task A_replace_built_from_a_stale_read_is_refused_and_changes_nothing()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        var read = (await Users.FindByIdAsync("u1", Ct))!;

        Assert.True(await Users.ReplaceAsync(read with { DisplayName = "First" }, Ct));
        Assert.False(await Users.ReplaceAsync(read with { DisplayName = "Second", LockedByAdmin = true }, Ct));

        var stored = (await Users.FindByIdAsync("u1", Ct))!;
        Assert.Equal(("First", false, read.Version + 1), (stored.DisplayName, stored.LockedByAdmin, stored.Version));
        Assert.True(await Users.ReplaceAsync(stored with { DisplayName = "Third" }, Ct));
    }

    public static TheoryData<string> SingleFieldWrites => ["failed login", "temporary lock", "password change", "login"];

    [Theory]
    [MemberData(nameof(SingleFieldWrites))]
    public async Task Every_single_field_write_raises_the_version_so_a_replace_from_an_earlier_read_is_refused(string write)
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        var read = (await Users.FindByIdAsync("u1", Ct))!;

        var task = write switch
        {
            "failed login" => Users.IncrementFailedLoginsAsync("u1", Ct),
            "temporary lock" => Users.SetTemporaryLockAsync("u1", T0.AddMinutes(15), Ct),
            "password change" => Users.ChangePasswordHashAsync("u1", read.PasswordHash, "new-hash", Ct),
            _ => Users.RecordLoginAsync("u1", T0, null, Ct),
        };
        await task;

        var after = (await Users.FindByIdAsync("u1", Ct))!;
        Assert.Equal(read.Version + 1, after.Version);
        Assert.False(await Users.ReplaceAsync(read with { DisplayName = "Stale" }, Ct));
        Assert.Equal("User u1", (await Users.FindByIdAsync("u1", Ct))!.DisplayName);
    }

    [Fact]
    public async Task An_account_stored_before_versions_existed_reads_as_version_0_and_is_versioned_from_its_first_write()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        await RemoveVersionFieldAsync("u1");
        var read = (await Users.FindByIdAsync("u1", Ct))!;

        Assert.Equal(0, read.Version);
        Assert.True(await Users.ReplaceAsync(read with { DisplayName = "Renamed" }, Ct));
        Assert.False(await Users.ReplaceAsync(read with { DisplayName = "Stale" }, Ct));
        await RemoveVersionFieldAsync("u1");
        Assert.Equal(1, await Users.IncrementFailedLoginsAsync("u1", Ct));
        Assert.Equal((1L, "Renamed"), ((await Users.FindByIdAsync("u1", Ct))!.Version, (await Users.FindByIdAsync("u1", Ct))!.DisplayName));
    }

    [Fact]
    public async Task Of_concurrent_replaces_from_the_same_read_exactly_one_succeeds()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        var read = (await Users.FindByIdAsync("u1", Ct))!;

        var results = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => Users.ReplaceAsync(read with { DisplayName = "Name " + i }, Ct), Ct)));

        Assert.Single(results, r => r);
        Assert.Equal(read.Version + 1, (await Users.FindByIdAsync("u1", Ct))!.Version);
    }

    [Fact]
    public async Task Concurrent_failed_logins_are_all_counted()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Users.IncrementFailedLoginsAsync("u1", Ct))));

        Assert.Equal(Enumerable.Range(1, 20), counts.Order());
        Assert.Equal(20, (await Users.FindByIdAsync("u1", Ct))?.FailedLoginCount);
    }

    [Fact]
    public async Task A_password_hash_changes_only_from_the_expected_one_and_nothing_else_is_touched()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        var stored = (await Users.FindByIdAsync("u1", Ct))!;
        // Written while the new password was being hashed: must survive the change.
        Assert.True(await Users.ReplaceAsync(stored with { LockedUntil = T0.AddMinutes(15), FailedLoginCount = 3 }, Ct));

        Assert.True(await Users.ChangePasswordHashAsync("u1", stored.PasswordHash, "new-hash-1", Ct));
        Assert.False(await Users.ChangePasswordHashAsync("u1", stored.PasswordHash, "new-hash-2", Ct));
        Assert.False(await Users.ChangePasswordHashAsync("nobody", stored.PasswordHash, "new-hash-3", Ct));

        var after = (await Users.FindByIdAsync("u1", Ct))!;
        Assert.Equal("new-hash-1", after.PasswordHash);
        Assert.Equal(T0.AddMinutes(15), after.LockedUntil);
        Assert.Equal(3, after.FailedLoginCount);
    }

    [Fact]
    public async Task A_temporary_lock_clears_the_failed_count_and_touches_nothing_else()
    {
        await Users.TryCreateAsync(NewUser("u1") with { FailedLoginCount = 5, LockedByAdmin = true, LastLogin = T0 }, Ct);

        await Users.SetTemporaryLockAsync("u1", T0.AddMinutes(15), Ct);
        await Users.SetTemporaryLockAsync("nobody", T0.AddMinutes(15), Ct);

        var stored = (await Users.FindByIdAsync("u1", Ct))!;
        Assert.Equal(((DateTimeOffset?)T0.AddMinutes(15), 0, true, (DateTimeOffset?)T0, "$argon2id$..."),
            (stored.LockedUntil, stored.FailedLoginCount, stored.LockedByAdmin, stored.LastLogin, stored.PasswordHash));
        Assert.Null(await Users.FindByIdAsync("nobody", Ct));
    }

    [Fact]
    public async Task A_login_is_recorded_in_its_own_fields_and_keeps_an_administrators_lock()
    {
        await Users.TryCreateAsync(NewUser("u1") with { FailedLoginCount = 3, LockedUntil = T0.AddMinutes(15), LockedByAdmin = true }, Ct);

        var first = await Users.RecordLoginAsync("u1", T0.AddHours(1), rehashedPassword: null, Ct);
        var second = await Users.RecordLoginAsync("u1", T0.AddHours(2), rehashedPassword: "rehashed", Ct);

        Assert.NotNull(first);
        Assert.Equal((0, (DateTimeOffset?)null, (DateTimeOffset?)T0.AddHours(1), true, "$argon2id$..."),
            (first.FailedLoginCount, first.LockedUntil, first.LastLogin, first.LockedByAdmin, first.PasswordHash));
        var stored = (await Users.FindByIdAsync("u1", Ct))!;
        Assert.Equal((T0.AddHours(2), true, "rehashed", "User u1"), (stored.LastLogin, stored.LockedByAdmin, stored.PasswordHash, stored.DisplayName));
        Assert.Equal(stored.PasswordHash, second!.PasswordHash);
        Assert.Null(await Users.RecordLoginAsync("nobody", T0, null, Ct));
    }

    [Fact]
    public async Task Of_concurrent_password_changes_from_the_same_hash_exactly_one_succeeds()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        var expected = (await Users.FindByIdAsync("u1", Ct))!.PasswordHash;

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => Users.ChangePasswordHashAsync("u1", expected, "hash-" + i, Ct), Ct)));

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Lists_are_paged_newest_first_with_the_total()
    {
        for (var i = 0; i < 5; i++)
        {
            await Users.TryCreateAsync(NewUser($"u{i}", createdAt: T0.AddMinutes(i)), Ct);
        }

        var page1 = await Users.ListAsync(1, 2, null, Ct);
        var page3 = await Users.ListAsync(3, 2, null, Ct);

        Assert.Equal(["u4", "u3"], page1.Items.Select(u => u.Id));
        Assert.Equal(["u0"], page3.Items.Select(u => u.Id));
        Assert.Equal(5, page1.Total);
        Assert.Equal((3, 2), (page3.Page, page3.PageSize));
    }

    [Fact]
    public async Task Users_created_in_the_same_millisecond_are_paged_by_id_so_no_page_repeats_or_skips_one()
    {
        // Created out of id order, all at one instant: only the tie-break decides the order.
        foreach (var id in new[] { "t3", "t1", "t5", "t2", "t4" })
        {
            await Users.TryCreateAsync(NewUser(id), Ct);
        }

        var paged = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            paged.AddRange((await Users.ListAsync(page, 2, null, Ct)).Items.Select(u => u.Id));
        }

        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], paged);
    }

    [Fact]
    public async Task Lists_can_be_narrowed_to_email_hashes()
    {
        await Users.TryCreateAsync(NewUser("u1", "h1"), Ct);
        await Users.TryCreateAsync(NewUser("u2", "h2"), Ct);

        var found = await Users.ListAsync(1, 10, ["h2", "h-old"], Ct);

        Assert.Equal(["u2"], found.Items.Select(u => u.Id));
        Assert.Equal(1, found.Total);
    }

    [Fact]
    public async Task Only_accounts_awaiting_deletion_are_listed_as_pending()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);
        await Users.TryCreateAsync(NewUser("u2") with { DeletionRequestedAt = T0 }, Ct);

        Assert.Equal(["u2"], (await Users.ListPendingDeletionAsync(Ct)).Select(u => u.Id));
    }

    [Fact]
    public async Task A_deleted_user_is_gone_and_deleting_again_reports_nothing_deleted()
    {
        await Users.TryCreateAsync(NewUser("u1"), Ct);

        Assert.True(await Users.DeleteAsync("u1", Ct));
        Assert.False(await Users.DeleteAsync("u1", Ct));
        Assert.Null(await Users.FindByIdAsync("u1", Ct));
    }

    [Fact]
    public async Task A_refresh_token_is_stored_and_found_by_its_hash()
    {
        await Tokens.InsertAsync(NewToken("t1", "u1", "f1"), Ct);

        Assert.Equal(NewToken("t1", "u1", "f1"), await Tokens.FindAsync("t1", Ct));
        Assert.Null(await Tokens.FindAsync("t2", Ct));
    }

    [Fact]
    public async Task A_refresh_token_can_be_consumed_only_once_even_concurrently()
    {
        await Tokens.InsertAsync(NewToken("t1", "u1", "f1"), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Tokens.TryConsumeAsync("t1", T0.AddMinutes(1), Ct))));

        Assert.Single(results, r => r);
        Assert.Equal(T0.AddMinutes(1), (await Tokens.FindAsync("t1", Ct))?.ConsumedAt);
    }

    [Fact]
    public async Task Revoked_or_expired_tokens_cannot_be_consumed()
    {
        await Tokens.InsertAsync(NewToken("revoked", "u1", "f1"), Ct);
        await Tokens.InsertAsync(NewToken("expired", "u1", "f2", expiresAt: T0.AddMinutes(1)), Ct);
        await Tokens.RevokeFamilyAsync("f1", T0, Ct);

        Assert.False(await Tokens.TryConsumeAsync("revoked", T0, Ct));
        Assert.False(await Tokens.TryConsumeAsync("expired", T0.AddMinutes(2), Ct));
        Assert.False(await Tokens.TryConsumeAsync("unknown", T0, Ct));
    }

    [Fact]
    public async Task Revoking_a_family_revokes_all_its_tokens_and_no_others()
    {
        await Tokens.InsertAsync(NewToken("a1", "u1", "fa"), Ct);
        await Tokens.InsertAsync(NewToken("a2", "u1", "fa"), Ct);
        await Tokens.InsertAsync(NewToken("b1", "u1", "fb"), Ct);

        Assert.Equal(2, await Tokens.RevokeFamilyAsync("fa", T0, Ct));

        Assert.NotNull((await Tokens.FindAsync("a2", Ct))?.RevokedAt);
        Assert.Null((await Tokens.FindAsync("b1", Ct))?.RevokedAt);
    }

    [Fact]
    public async Task Revoking_a_users_tokens_can_spare_the_current_session()
    {
        await Tokens.InsertAsync(NewToken("a1", "u1", "fa"), Ct);
        await Tokens.InsertAsync(NewToken("b1", "u1", "fb"), Ct);
        await Tokens.InsertAsync(NewToken("c1", "u2", "fc"), Ct);

        Assert.Equal(1, await Tokens.RevokeAllForUserAsync("u1", "fa", T0, Ct));

        Assert.Null((await Tokens.FindAsync("a1", Ct))?.RevokedAt);
        Assert.NotNull((await Tokens.FindAsync("b1", Ct))?.RevokedAt);
        Assert.Null((await Tokens.FindAsync("c1", Ct))?.RevokedAt);
    }

    [Fact]
    public async Task Active_tokens_are_counted_and_expired_ones_purged()
    {
        await Tokens.InsertAsync(NewToken("live", "u1", "f1"), Ct);
        await Tokens.InsertAsync(NewToken("used", "u1", "f1"), Ct);
        await Tokens.InsertAsync(NewToken("old", "u1", "f2", expiresAt: T0.AddMinutes(1)), Ct);
        await Tokens.TryConsumeAsync("used", T0, Ct);

        Assert.Equal(1, await Tokens.CountActiveAsync(T0.AddMinutes(2), Ct));
        Assert.Equal(1, await Tokens.DeleteExpiredAsync(T0.AddMinutes(2), Ct));
        Assert.Null(await Tokens.FindAsync("old", Ct));
    }

    [Fact]
    public async Task Deleting_a_users_tokens_leaves_other_users_tokens()
    {
        await Tokens.InsertAsync(NewToken("a1", "u1", "fa"), Ct);
        await Tokens.InsertAsync(NewToken("c1", "u2", "fc"), Ct);

        Assert.Equal(1, await Tokens.DeleteAllForUserAsync("u1", Ct));

        Assert.Null(await Tokens.FindAsync("a1", Ct));
        Assert.NotNull(await Tokens.FindAsync("c1", Ct));
    }

    [Fact]
    public async Task Signing_keys_are_stored_replaced_and_deleted()
    {
        var key = new SigningKeyRecord { KeyId = "k1", PrivateKeyCiphertext = [1, 2], CreatedAt = T0, ActivatesAt = T0.AddHours(1) };
        await Keys.InsertAsync(key, Ct);
        await Keys.ReplaceAsync(key with { PrivateKeyCiphertext = [3] }, Ct);

        var stored = Assert.Single(await Keys.ListAsync(Ct));
        Assert.Equal([3], stored.PrivateKeyCiphertext);
        Assert.Equal((T0, T0.AddHours(1)), (stored.CreatedAt, stored.ActivatesAt));

        await Keys.DeleteAsync("k1", Ct);
        Assert.Empty(await Keys.ListAsync(Ct));
    }
}
