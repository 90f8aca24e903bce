using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using LiteDB;

namespace ZodiaCore.ServiceDefaults.Data;

/// <summary>
/// Inserts into one LiteDB collection through a single writer that commits everything queued meanwhile in one
/// transaction (group commit). LiteDB lets one writer in at a time anyway, and a commit's fixed cost (log, index and
/// collection pages) outweighs a small document: an insert alone costs about twice the CPU of one in a batch
/// (BENCHMARKS.md). Each caller's task completes only once its own document is committed, so a completed insert is
/// durable and visible exactly as with a plain <c>Insert</c>; one bad document never fails the others in its batch.
/// </summary>
public sealed class LiteDbGroupCommit : IDisposable
{
    /// <summary>Bounds one transaction's size (and the memory a commit holds), not the queue.</summary>
    public const int MaxBatch = 128;

    private static readonly Meter Meter = new("ZodiaCore.Storage");
    // Powers of two up to MaxBatch: the SDK's default boundaries (0, 5, 10 … 10,000) put every commit of one to five
    // documents, which is most of them under load, in one bucket.
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "zodiacore.storage.commit.documents", "{document}", "Documents committed together by an embedded store's group commit.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, MaxBatch] });

    // Every insert queued meanwhile waits this long, so its tail is the store's share of request latency; LiteDB's
    // checkpoints (log pages copied into the data file) run inside the commit that crosses the log's limit.
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "zodiacore.storage.commit.duration", "s", "Time one group commit of an embedded store takes, checkpoints included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    private readonly Channel<PendingInsert> queue = Channel.CreateUnbounded<PendingInsert>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly ILiteCollection<BsonDocument> collection;
    private readonly KeyValuePair<string, object?> collectionTag;
    private readonly Task writer;

    public LiteDbGroupCommit(ILiteCollection<BsonDocument> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        this.collection = collection;
        collectionTag = new("collection", collection.Name);
        writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes when <paramref name="document"/> is committed; faults with LiteDB's error when it cannot be.</summary>
    public Task InsertAsync(BsonDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var pending = new PendingInsert(document);
        return queue.Writer.TryWrite(pending)
            ? pending.Committed.Task
            : Task.FromException(new ObjectDisposedException(nameof(LiteDbGroupCommit), "The store is shutting down."));
    }

    /// <summary>Stops taking inserts and waits until every queued one is committed.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingInsert>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<PendingInsert> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // One call, one transaction: all of them or, on any error, none.
            collection.Insert(batch.Select(p => p.Document));
            RecordCommit(started, batch.Count);
            foreach (var pending in batch)
            {
                pending.Committed.TrySetResult();
            }
        }
        catch (Exception) when (batch.Count > 1)
        {
            // The batch was rolled back; one at a time, each caller gets its own outcome.
            foreach (var pending in batch)
            {
                CommitAlone(pending);
            }
        }
        catch (Exception error)
        {
            batch[0].Committed.TrySetException(error);
        }
    }

    private void CommitAlone(PendingInsert pending)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            collection.Insert(pending.Document);
            RecordCommit(started, 1);
            pending.Committed.TrySetResult();
        }
        catch (Exception error)
        {
            pending.Committed.TrySetException(error);
        }
    }

    private void RecordCommit(long started, int documents)
    {
        CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, collectionTag);
        BatchSize.Record(documents, collectionTag);
    }

    private sealed class PendingInsert(BsonDocument document)
    {
        public BsonDocument Document { get; } = document;

        // Callers' continuations must not run on the writer: it would commit nothing while they write their responses.
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
