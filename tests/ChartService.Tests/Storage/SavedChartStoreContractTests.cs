using ZodiaCore.ChartService.Storage;

namespace ZodiaCore.ChartService.Tests.Storage;

/// <summary>The behaviour every saved-chart store must show; one subclass per adapter.</summary>
public abstract class SavedChartStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private ISavedChartStore? _store;

    // Every test touches the store first, so the adapter's availability check runs before any assertion.
    protected ISavedChartStore Store
    {
        get
        {
            BeforeEach();
            return _store ?? throw new InvalidOperationException("The store was not initialised.");
        }
        set => _store = value;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Skips the test (with a reason) when the adapter's server is not available.</summary>
    protected virtual void BeforeEach()
    {
    }

    private static SavedChartRecord Chart(string id, string userId, int minutesAfterT0 = 0) =>
        new(id, userId, "Chart " + id, T0.AddMinutes(minutesAfterT0), "content-" + id, [1, 2, 3, (byte)id.Length]);

    [Fact]
    public async Task A_saved_chart_is_found_by_its_owner_with_every_field_intact()
    {
        var chart = Chart("c1", "alice");
        await Store.InsertAsync(chart, Ct);

        var found = await Store.FindAsync("alice", "c1", Ct);

        Assert.NotNull(found);
        Assert.Equal(chart.Id, found.Id);
        Assert.Equal(chart.UserId, found.UserId);
        Assert.Equal(chart.Name, found.Name);
        Assert.Equal(chart.CreatedAt, found.CreatedAt);
        Assert.Equal(chart.ContentId, found.ContentId);
        Assert.Equal(chart.Payload, found.Payload);
    }

    [Fact]
    public async Task Another_user_does_not_find_the_chart()
    {
        await Store.InsertAsync(Chart("c1", "alice"), Ct);

        Assert.Null(await Store.FindAsync("bob", "c1", Ct));
        Assert.Null(await Store.FindAsync("alice", "missing", Ct));
    }

    [Fact]
    public async Task The_list_holds_only_the_owners_charts_newest_first_in_pages()
    {
        await Store.InsertAsync(Chart("old", "alice", 0), Ct);
        await Store.InsertAsync(Chart("newest", "alice", 20), Ct);
        await Store.InsertAsync(Chart("middle", "alice", 10), Ct);
        await Store.InsertAsync(Chart("bobs", "bob", 30), Ct);

        var first = await Store.ListAsync("alice", 1, 2, Ct);
        var second = await Store.ListAsync("alice", 2, 2, Ct);

        Assert.Equal(["newest", "middle"], first.Items.Select(i => i.Id));
        Assert.Equal(["old"], second.Items.Select(i => i.Id));
        Assert.Equal(3, first.Total);
        Assert.Equal(3, second.Total);
        Assert.Equal(new SavedChartSummary("newest", "Chart newest", "content-newest", T0.AddMinutes(20)), first.Items[0]);
    }

    [Fact]
    public async Task Charts_saved_in_the_same_millisecond_are_paged_by_id_so_no_page_repeats_or_skips_one()
    {
        // Inserted out of id order, all at one instant: only the tie-break decides the order.
        string[] ids = ["t3", "t1", "t5", "t2", "t4"];
        foreach (var id in ids)
        {
            await Store.InsertAsync(Chart(id, "alice"), Ct);
        }

        var paged = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            paged.AddRange((await Store.ListAsync("alice", page, 2, Ct)).Items.Select(i => i.Id));
        }

        var all = await Store.ListAllAsync("alice", Ct);

        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], paged);
        Assert.Equal(paged, all.Select(c => c.Id));
    }

    [Fact]
    public async Task Listing_everything_gives_all_the_owners_charts_newest_first()
    {
        await Store.InsertAsync(Chart("a", "alice", 0), Ct);
        await Store.InsertAsync(Chart("b", "alice", 5), Ct);
        await Store.InsertAsync(Chart("c", "bob", 7), Ct);

        var all = await Store.ListAllAsync("alice", Ct);

        Assert.Equal(["b", "a"], all.Select(c => c.Id));
        Assert.All(all, c => Assert.NotEmpty(c.Payload));
    }

    [Fact]
    public async Task Only_the_owner_can_delete_a_chart()
    {
        await Store.InsertAsync(Chart("c1", "alice"), Ct);

        Assert.False(await Store.DeleteAsync("bob", "c1", Ct));
        Assert.NotNull(await Store.FindAsync("alice", "c1", Ct));
        Assert.True(await Store.DeleteAsync("alice", "c1", Ct));
        Assert.Null(await Store.FindAsync("alice", "c1", Ct));
        Assert.False(await Store.DeleteAsync("alice", "c1", Ct));
    }

    [Fact]
    public async Task Deleting_a_users_charts_leaves_other_users_charts_and_can_be_repeated()
    {
        await Store.InsertAsync(Chart("a1", "alice"), Ct);
        await Store.InsertAsync(Chart("a2", "alice", 1), Ct);
        await Store.InsertAsync(Chart("b1", "bob"), Ct);

        var deleted = await Store.DeleteAllAsync("alice", Ct);
        var again = await Store.DeleteAllAsync("alice", Ct);

        Assert.Equal(2, deleted);
        Assert.Equal(0, again);
        Assert.Equal(0, (await Store.ListAsync("alice", 1, 20, Ct)).Total);
        Assert.NotNull(await Store.FindAsync("bob", "b1", Ct));
    }

    [Fact]
    public async Task Payloads_of_every_owner_are_listed_in_id_order_a_page_at_a_time_after_the_last_id_seen()
    {
        // Inserted out of id order and for two owners: the walk is over ids alone.
        string[] ids = ["p3", "p1", "p5", "p2", "p4"];
        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            await Store.InsertAsync(Chart(id, index % 2 == 0 ? "alice" : "bob", index), Ct);
        }

        var first = await Store.ListPayloadsAfterAsync(null, 2, Ct);
        var second = await Store.ListPayloadsAfterAsync(first[^1].Id, 2, Ct);
        var third = await Store.ListPayloadsAfterAsync(second[^1].Id, 2, Ct);
        var past = await Store.ListPayloadsAfterAsync(third[^1].Id, 2, Ct);

        Assert.Equal(["p1", "p2"], first.Select(c => c.Id));
        Assert.Equal(["p3", "p4"], second.Select(c => c.Id));
        Assert.Equal(["p5"], third.Select(c => c.Id));
        Assert.Empty(past);
        Assert.Equal(Chart("p3", "alice").Payload, second[0].Ciphertext);
    }

    [Fact]
    public async Task A_payload_is_replaced_only_while_it_still_holds_the_expected_bytes_and_nothing_else_changes()
    {
        var chart = Chart("c1", "alice");
        await Store.InsertAsync(chart, Ct);
        byte[] replacement = [9, 8, 7, 6, 5];

        var withStaleBytes = await Store.ReplacePayloadAsync("c1", [4, 4, 4], replacement, Ct);
        var afterStale = await Store.FindAsync("alice", "c1", Ct);
        var withCurrentBytes = await Store.ReplacePayloadAsync("c1", chart.Payload, replacement, Ct);
        var afterReplace = await Store.FindAsync("alice", "c1", Ct);
        var missing = await Store.ReplacePayloadAsync("missing", chart.Payload, replacement, Ct);

        Assert.False(withStaleBytes);
        Assert.Equal(chart.Payload, afterStale!.Payload);
        Assert.Equal(chart, afterStale with { Payload = chart.Payload });
        Assert.True(withCurrentBytes);
        Assert.Equal(replacement, afterReplace!.Payload);
        Assert.Equal(chart with { Payload = replacement }, afterReplace with { Payload = replacement });
        Assert.False(missing);
    }
}
