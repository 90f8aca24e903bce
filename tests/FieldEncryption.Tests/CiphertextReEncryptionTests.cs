using System.Text;

namespace ZodiaCore.FieldEncryption.Tests;

public class CiphertextReEncryptionTests
{
    private static readonly EncryptionKey KeyA = EncryptionKey.Generate();
    private static readonly EncryptionKey KeyB = EncryptionKey.Generate();
    private static readonly EncryptionKey Lost = EncryptionKey.Generate();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_under_an_old_key_are_rewritten_in_pages_and_one_nobody_can_read_is_reported_and_left()
    {
        // 250 records under key A (three pages), one under a key no longer configured, two already under key B.
        var store = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < 250; i++)
        {
            var id = $"r{i:D3}";
            store[id] = new FieldEncryptor(new EncryptionKeyRing(KeyA)).Encrypt(Encoding.UTF8.GetBytes(id), id, "field");
        }

        store["r500"] = new FieldEncryptor(new EncryptionKeyRing(Lost)).Encrypt("lost"u8, "r500", "field");
        foreach (var id in new[] { "r600", "r601" })
        {
            store[id] = new FieldEncryptor(new EncryptionKeyRing(KeyB)).Encrypt(Encoding.UTF8.GetBytes(id), id, "field");
        }

        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));
        var unreadable = new List<string>();

        var report = await Pass(encryptor, store, unreadable);

        Assert.Equal((253, 250, 1), (report.Scanned, report.Rewritten, report.Unreadable));
        Assert.Equal(["r500"], unreadable);
        var onlyB = new FieldEncryptor(new EncryptionKeyRing(KeyB));
        Assert.All(store.Where(r => r.Key != "r500"), r => Assert.Equal(r.Key, Encoding.UTF8.GetString(onlyB.Decrypt(r.Value, r.Key, "field"))));

        // A second pass finds nothing left to do.
        Assert.Equal(0, (await Pass(encryptor, store, [])).Rewritten);
    }

    [Fact]
    public async Task A_record_changed_since_it_was_read_is_not_counted_as_rewritten()
    {
        var store = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["r1"] = new FieldEncryptor(new EncryptionKeyRing(KeyA)).Encrypt("one"u8, "r1", "field"),
        };
        var encryptor = new FieldEncryptor(new EncryptionKeyRing(KeyB, [KeyA]));

        var report = await new CiphertextReEncryption(encryptor).RunAsync(
            "field",
            (after, count, _) => Task.FromResult<IReadOnlyList<StoredCiphertext>>(Page(store, after, count)),
            (_, _, _) => Task.FromResult(false),
            (_, _) => { },
            Ct);

        Assert.Equal((1, 0), (report.Scanned, report.Rewritten));
    }

    private static Task<ReEncryptionReport> Pass(FieldEncryptor encryptor, SortedDictionary<string, byte[]> store, List<string> unreadable) =>
        new CiphertextReEncryption(encryptor).RunAsync(
            "field",
            (after, count, _) => Task.FromResult<IReadOnlyList<StoredCiphertext>>(Page(store, after, count)),
            (stored, current, _) =>
            {
                var unchanged = store.TryGetValue(stored.Id, out var now) && ReferenceEquals(now, stored.Ciphertext);
                if (unchanged)
                {
                    store[stored.Id] = current;
                }

                return Task.FromResult(unchanged);
            },
            (id, _) => unreadable.Add(id),
            Ct);

    private static List<StoredCiphertext> Page(SortedDictionary<string, byte[]> store, string? after, int count) =>
        store.Where(r => after is null || string.CompareOrdinal(r.Key, after) > 0).Take(count).Select(r => new StoredCiphertext(r.Key, r.Value)).ToList();
}
