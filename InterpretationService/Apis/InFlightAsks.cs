using System.Collections.Concurrent;

using ZodiaCore.InterpretationService.Quotas;

namespace ZodiaCore.InterpretationService.Apis;

/// <summary>
/// Lets identical asks of one user for a language model's interpretation that arrive while the first is still being
/// answered wait for that answer instead of generating their own (a client retrying a slow model, a double click): one
/// provider call, one charge to the quota, one record in the history, in this instance. The work runs until it is done
/// or until every request waiting for it has gone, whichever comes first, so the first caller hanging up does not
/// cancel the others' answer.
/// </summary>
public sealed class InFlightAsks
{
    private readonly ConcurrentDictionary<string, Flight> flights = new(StringComparer.Ordinal);

    /// <summary>Asks being answered now (for tests and diagnostics).</summary>
    public int Count => flights.Count;

    /// <summary>
    /// Runs <paramref name="work"/> for <paramref name="key"/>, or waits for the run already under way.
    /// <c>Joined</c> is true when this call waited for another call's run.
    /// </summary>
    public async Task<(InterpretationFlight Value, bool Joined)> RunOnceAsync(
        string key, Func<CancellationToken, Task<InterpretationFlight>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(work);
        while (true)
        {
            var created = new Flight();
            var flight = flights.GetOrAdd(key, created);
            if (!flight.TryJoin())
            {
                // Abandoned by all its waiters a moment ago and on its way out of the table: start afresh.
                flights.TryRemove(new KeyValuePair<string, Flight>(key, flight));
                continue;
            }

            var leads = ReferenceEquals(flight, created);
            if (leads)
            {
                flight.Start(work, () => flights.TryRemove(new KeyValuePair<string, Flight>(key, flight)));
            }

            try
            {
                return (await flight.Result.WaitAsync(cancellationToken).ConfigureAwait(false), !leads);
            }
            finally
            {
                if (flight.Leave())
                {
                    flights.TryRemove(new KeyValuePair<string, Flight>(key, flight));
                }
            }
        }
    }

    private sealed class Flight : IDisposable
    {
        private readonly Lock gate = new();
        private readonly CancellationTokenSource abandoned = new();
        private readonly TaskCompletionSource<InterpretationFlight> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int waiters;
        private bool closed;
        private bool finished;

        public Task<InterpretationFlight> Result => result.Task;

        public bool TryJoin()
        {
            lock (gate)
            {
                if (closed)
                {
                    return false;
                }

                waiters++;
                return true;
            }
        }

        /// <summary>True when this was the last waiter of unfinished work, which is then cancelled.</summary>
        public bool Leave()
        {
            lock (gate)
            {
                waiters--;
                if (waiters > 0 || finished)
                {
                    return false;
                }

                closed = true;
                abandoned.Cancel();
                return true;
            }
        }

        public void Start(Func<CancellationToken, Task<InterpretationFlight>> work, Action done) => _ = RunAsync(work, done);

        public void Dispose()
        {
            lock (gate)
            {
                finished = true;
                abandoned.Dispose();
            }
        }

        private async Task RunAsync(Func<CancellationToken, Task<InterpretationFlight>> work, Action done)
        {
            Task<InterpretationFlight> running;
            try
            {
                running = work(abandoned.Token);
                await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception exception)
            {
                running = Task.FromException<InterpretationFlight>(exception);
            }

            // Out of the table before anyone sees the answer: asks arriving from now on find it in the cache or the
            // caller's history.
            done();
            Dispose();
            if (running.IsCompletedSuccessfully)
            {
                result.TrySetResult(running.Result);
            }
            else if (running.IsCanceled)
            {
                result.TrySetCanceled();
            }
            else
            {
                result.TrySetException(running.Exception!.InnerExceptions);
            }
        }
    }
}

/// <summary>What one run of an ask ended with: the interpretation, or the quota's refusal.</summary>
public sealed record InterpretationFlight(InterpretationResponse? Response, QuotaDecision? Refusal);
