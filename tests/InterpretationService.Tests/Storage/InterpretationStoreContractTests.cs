using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Tests.Storage;

/// <summary>The behaviour every interpretation store must show; one subclass per adapter.</summary>
public abstract class InterpretationStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private IInterpretationStore? store;

    // Every test touches the store first, so the adapter's availability check runs before any assertion.
    protected IInterpretationStore Store
    {
        get
        {
            BeforeEach();
            return store ?? throw new InvalidOperationException("The store was not initialised.");
        }
        set => store = value;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Skips the test (with a reason) when the adapter's server is not available.</summary>
    protected virtual void BeforeEach()
    {
    }

    private static InterpretationRecord Record(string id, string userId, DateTimeOffset? createdAt = null) => new()
    {
        Id = id,
        UserId = userId,
        ChartId = "chart-" + id,
        ContentId = "content-" + id,
        Provider = "openai",
        Model = "gpt-test",
        Fallback = true,
        PromptVersion = "natal-v1",
        Language = "pt-BR",
        Length = "long",
        SectionKeys = ["overview", "aspects"],
        InputTokens = 3_000_000_000,
        OutputTokens = 12,
        Warnings = [new InterpretationWarning("houses.unknown", "No birth time.")],
        CreatedAt = createdAt ?? T0,
        SectionsCiphertext = [1, 2, 3, 250],
    };

    [Fact]
    public async Task Inserting_under_a_taken_id_reports_it_and_leaves_the_first_record_as_it_was()
    {
        // Two identical asks that raced store under one id (AskId): the second learns the first is there.
        Assert.True(await Store.TryInsertAsync(Record("k1", "u1", T0), Ct));

        Assert.False(await Store.TryInsertAsync(Record("k1", "u1", T0.AddSeconds(1)) with { Model = "second", SectionsCiphertext = [9] }, Ct));
        Assert.False(await Store.TryInsertAsync(Record("k1", "u2", T0.AddSeconds(2)), Ct));

        var found = await Store.FindAsync("k1", "u1", Ct);
        Assert.Equal("gpt-test", found?.Model);
        Assert.Equal(T0, found?.CreatedAt);
        Assert.Equal([1, 2, 3, 250], found?.SectionsCiphertext);
        Assert.Null(await Store.FindAsync("k1", "u2", Ct));
        Assert.Equal(1, (await Store.ListAsync("u1", 1, 10, Ct)).Total);
    }

    [Fact]
    public async Task An_inserted_interpretation_is_found_by_its_owner_with_every_field_intact()
    {
        var record = Record("i1", "u1");
        await Store.TryInsertAsync(record, Ct);

        var found = await Store.FindAsync("i1", "u1", Ct);

        Assert.NotNull(found);
        Assert.Equal(record with { SectionKeys = found.SectionKeys, Warnings = found.Warnings, SectionsCiphertext = found.SectionsCiphertext }, found);
        Assert.Equal(record.SectionKeys, found.SectionKeys);
        Assert.Equal(record.Warnings, found.Warnings);
        Assert.Equal(record.SectionsCiphertext, found.SectionsCiphertext);
    }

    [Fact]
    public async Task Optional_fields_round_trip_as_null()
    {
        await Store.TryInsertAsync(Record("i1", "u1") with { ChartId = null, ContentId = null, InputTokens = null, OutputTokens = null, Warnings = [] }, Ct);

        var found = await Store.FindAsync("i1", "u1", Ct);

        Assert.NotNull(found);
        Assert.Null(found.ChartId);
        Assert.Null(found.ContentId);
        Assert.Null(found.InputTokens);
        Assert.Null(found.OutputTokens);
        Assert.Empty(found.Warnings);
    }

    [Fact]
    public async Task Another_user_neither_finds_nor_deletes_an_interpretation()
    {
        await Store.TryInsertAsync(Record("i1", "u1"), Ct);

        Assert.Null(await Store.FindAsync("i1", "u2", Ct));
        Assert.False(await Store.DeleteAsync("i1", "u2", Ct));
        Assert.NotNull(await Store.FindAsync("i1", "u1", Ct));
        Assert.True(await Store.DeleteAsync("i1", "u1", Ct));
        Assert.Null(await Store.FindAsync("i1", "u1", Ct));
        Assert.False(await Store.DeleteAsync("i1", "u1", Ct));
    }

    [Fact]
    public async Task The_list_is_the_owners_newest_first_paged_with_the_total()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.TryInsertAsync(Record("a" + i, "u1", T0.AddMinutes(i)), Ct);
        }

        await Store.TryInsertAsync(Record("b0", "u2", T0.AddHours(1)), Ct);

        var first = await Store.ListAsync("u1", 1, 2, Ct);
        var third = await Store.ListAsync("u1", 3, 2, Ct);
        var beyond = await Store.ListAsync("u1", 4, 2, Ct);

        Assert.Equal(5, first.Total);
        Assert.Equal(["a4", "a3"], first.Items.Select(r => r.Id));
        Assert.Equal(["a0"], third.Items.Select(r => r.Id));
        Assert.Empty(beyond.Items);
        Assert.Equal(["a4", "a3", "a2", "a1", "a0"], (await Store.ListAllAsync("u1", Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Interpretations_stored_in_the_same_millisecond_are_paged_by_id_so_no_page_repeats_or_skips_one()
    {
        // Inserted out of id order, all at one instant: only the tie-break decides the order.
        foreach (var id in new[] { "t3", "t1", "t5", "t2", "t4" })
        {
            await Store.TryInsertAsync(Record(id, "u1"), Ct);
        }

        var paged = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            paged.AddRange((await Store.ListAsync("u1", page, 2, Ct)).Items.Select(r => r.Id));
        }

        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], paged);
        Assert.Equal(paged, (await Store.ListAllAsync("u1", Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Deleting_a_users_interpretations_leaves_other_users_alone_and_can_be_repeated()
    {
        await Store.TryInsertAsync(Record("a0", "u1"), Ct);
        await Store.TryInsertAsync(Record("a1", "u1"), Ct);
        await Store.TryInsertAsync(Record("b0", "u2"), Ct);

        Assert.Equal(2, await Store.DeleteAllForUserAsync("u1", Ct));
        Assert.Equal(0, await Store.DeleteAllForUserAsync("u1", Ct));
        Assert.Empty(await Store.ListAllAsync("u1", Ct));
        Assert.Single(await Store.ListAllAsync("u2", Ct));
    }

    [Fact]
    public async Task Listing_sections_after_an_id_walks_every_users_interpretations_in_id_order_with_their_ciphertext()
    {
        foreach (var (id, user) in new[] { ("c", "u1"), ("a", "u2"), ("e", "u1"), ("b", "u1"), ("d", "u3") })
        {
            await Store.TryInsertAsync(Record(id, user) with { SectionsCiphertext = [(byte)id[0], 7] }, Ct);
        }

        var first = await Store.ListSectionsAfterAsync(null, 2, Ct);
        var second = await Store.ListSectionsAfterAsync(first[^1].Id, 2, Ct);
        var third = await Store.ListSectionsAfterAsync(second[^1].Id, 2, Ct);
        var beyond = await Store.ListSectionsAfterAsync(third[^1].Id, 2, Ct);

        var walked = first.Concat(second).Concat(third).ToList();
        Assert.Equal(["a", "b", "c", "d", "e"], walked.Select(s => s.Id));
        Assert.All(walked, s => Assert.Equal([(byte)s.Id[0], 7], s.Ciphertext));
        Assert.Single(third);
        Assert.Empty(beyond);
    }

    [Fact]
    public async Task Sections_are_replaced_only_while_the_record_still_holds_the_expected_ciphertext()
    {
        var record = Record("i1", "u1");
        await Store.TryInsertAsync(record, Ct);

        var stale = await Store.ReplaceSectionsAsync("i1", [9, 9, 9], [4, 4], Ct);
        var missing = await Store.ReplaceSectionsAsync("i2", record.SectionsCiphertext, [4, 4], Ct);
        var untouched = await Store.FindAsync("i1", "u1", Ct);
        var current = await Store.ReplaceSectionsAsync("i1", record.SectionsCiphertext, [5, 6, 7], Ct);
        var replaced = await Store.FindAsync("i1", "u1", Ct);

        Assert.False(stale);
        Assert.False(missing);
        Assert.Equal(record.SectionsCiphertext, untouched!.SectionsCiphertext);
        Assert.True(current);
        Assert.NotNull(replaced);
        Assert.Equal([5, 6, 7], replaced.SectionsCiphertext);
        Assert.Equal(record.SectionKeys, replaced.SectionKeys);
        Assert.Equal(record with { SectionKeys = replaced.SectionKeys, Warnings = replaced.Warnings, SectionsCiphertext = replaced.SectionsCiphertext }, replaced);
        Assert.Null(await Store.FindAsync("i2", "u1", Ct));
    }
}
