using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiteDB;
using ZodiaCore.ServiceDefaults.Data;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class LiteDbGroupCommitTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("zodiacore-group-commit-").FullName;
    private readonly string collectionName = "c" + Guid.NewGuid().ToString("N");
    private LiteDatabase database;
    private LiteDbGroupCommit inserts;

    public LiteDbGroupCommitTests()
    {
        database = Open();
        inserts = new LiteDbGroupCommit(database.GetCollection(collectionName));
    }

    private string FilePath => Path.Combine(directory, "test.db");

    public void Dispose()
    {
        inserts.Dispose();
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Concurrent_inserts_are_all_committed_in_fewer_transactions_than_documents()
    {
        var commits = new ConcurrentBag<int>();
        using var listener = ListenToCommits(commits);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => inserts.InsertAsync(Document($"d{i}"))));

        Assert.Equal(300, database.GetCollection(collectionName).Count());
        Assert.Equal(300, commits.Sum());
        Assert.True(commits.Count < 300, $"{commits.Count} commits for 300 documents queued together");
        Assert.All(commits, size => Assert.InRange(size, 1, LiteDbGroupCommit.MaxBatch));
    }

    [Fact]
    public async Task Each_commit_records_how_long_it_took()
    {
        var commits = new ConcurrentBag<int>();
        var durations = new ConcurrentBag<double>();
        using var commitListener = ListenToCommits(commits);
        using var durationListener = ListenTo("zodiacore.storage.commit.duration", durations);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => inserts.InsertAsync(Document($"d{i}"))));

        Assert.NotEmpty(durations);
        Assert.Equal(commits.Count, durations.Count);
        Assert.All(durations, seconds => Assert.InRange(seconds, double.Epsilon, 60));
    }

    [Fact]
    public async Task A_completed_insert_is_visible_to_the_next_read()
    {
        await inserts.InsertAsync(Document("only", "payload"));

        var found = database.GetCollection(collectionName).FindById("only");

        Assert.Equal("payload", found["value"].AsString);
    }

    [Fact]
    public async Task A_duplicate_id_fails_only_its_own_insert_and_not_the_others_queued_with_it()
    {
        await inserts.InsertAsync(Document("taken", "first"));

        var duplicate = inserts.InsertAsync(Document("taken", "second"));
        var others = Enumerable.Range(0, 20).Select(i => inserts.InsertAsync(Document($"other{i}"))).ToArray();

        await Assert.ThrowsAsync<LiteException>(() => duplicate);
        await Task.WhenAll(others);
        var collection = database.GetCollection(collectionName);
        Assert.Equal(21, collection.Count());
        Assert.Equal("first", collection.FindById("taken")["value"].AsString);
    }

    [Fact]
    public void Disposing_commits_every_queued_insert_before_the_file_is_closed()
    {
        var queued = Enumerable.Range(0, 500).Select(i => inserts.InsertAsync(Document($"q{i}"))).ToArray();

        inserts.Dispose();
        database.Dispose();

        Assert.All(queued, task => Assert.True(task.IsCompletedSuccessfully));
        database = Open();
        inserts = new LiteDbGroupCommit(database.GetCollection(collectionName));
        Assert.Equal(500, database.GetCollection(collectionName).Count());
    }

    [Fact]
    public async Task An_insert_after_disposal_is_refused_rather_than_lost()
    {
        inserts.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => inserts.InsertAsync(Document("late")));

        inserts = new LiteDbGroupCommit(database.GetCollection(collectionName));
    }

    private LiteDatabase Open() => new(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });

    private static BsonDocument Document(string id, string value = "v") => new() { ["_id"] = id, ["value"] = value };

    private MeterListener ListenToCommits(ConcurrentBag<int> sizes) => ListenTo("zodiacore.storage.commit.documents", sizes);

    private MeterListener ListenTo<T>(string instrumentName, ConcurrentBag<T> values) where T : struct
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "ZodiaCore.Storage" && instrument.Name == instrumentName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<T>((_, value, tags, _) =>
        {
            // Other tests' collections commit through the same meter.
            foreach (var tag in tags)
            {
                if (tag.Key == "collection" && Equals(tag.Value, collectionName))
                {
                    values.Add(value);
                }
            }
        });
        listener.Start();
        return listener;
    }
}
