using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Errors;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Keeps <see cref="TokenRevocations"/> in step with IdentityService across instances: listens on the Redis channel
/// for new revocations and, at start and whenever a connection to Redis comes back, reads the live ones from the
/// sorted set, so what was published while this instance was away is not missed. It then writes back what it knows
/// and the set lacks (Redis restarted without its data), announcing it too, so a restart of Redis does not bring
/// revoked tokens back to life on instances that start or reconnect afterwards. Without Redis it does nothing and a
/// revoked token elsewhere lasts until it expires (at most the access-token lifetime).
/// </summary>
public sealed partial class TokenRevocationFeed(
    IServiceProvider services,
    TokenRevocations revocations,
    TimeProvider time,
    ILogger<TokenRevocationFeed> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private int loading;

    /// <summary>
    /// Shares <paramref name="revocation"/> with every instance: kept in the sorted set (for instances that connect
    /// later) and announced on the channel (for those listening now). Throws what Redis throws when it is unreachable.
    /// </summary>
    public static async Task PublishAsync(IConnectionMultiplexer redis, TokenRevocation revocation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(revocation);
        var database = redis.GetDatabase();
        var member = revocation.Format();
        // Scored by when it can be forgotten, so each write also drops what no longer covers a live token.
        await database.SortedSetAddAsync(TokenRevocation.RedisKey, member, revocation.ForgetAt).ConfigureAwait(false);
        await database.SortedSetRemoveRangeByScoreAsync(TokenRevocation.RedisKey, double.NegativeInfinity, now.ToUnixTimeSeconds(), Exclude.Stop)
            .ConfigureAwait(false);
        await database.PublishAsync(RedisChannel.Literal(TokenRevocation.RedisChannel), member).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: resolving the multiplexer connects to Redis synchronously (up to its 2 s connect
        // timeout while Redis is down), which must not delay the service's start.
        await Task.Yield();
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return;
        }

        redis.ConnectionRestored += (_, _) => _ = LoadUntilDoneAsync(redis, stoppingToken);
        var channel = RedisChannel.Literal(TokenRevocation.RedisChannel);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await redis.GetSubscriber().SubscribeAsync(channel, (_, message) =>
                {
                    if (TokenRevocation.Parse(message) is { } revocation)
                    {
                        revocations.Apply(revocation);
                    }
                }).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (StoreOutage.Find(ex) is not null || ex is RedisException)
            {
                LogUnavailable(logger, "subscribe", ex.GetType().Name);
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }

        await LoadUntilDoneAsync(redis, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Reads every live revocation; one load at a time, retried until Redis answers or the service stops.</summary>
    private async Task LoadUntilDoneAsync(IConnectionMultiplexer redis, CancellationToken stoppingToken)
    {
        if (Interlocked.Exchange(ref loading, 1) == 1)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var now = time.GetUtcNow();
                    var members = await redis.GetDatabase().SortedSetRangeByScoreAsync(TokenRevocation.RedisKey,
                        start: now.ToUnixTimeSeconds(), stop: double.PositiveInfinity).ConfigureAwait(false);
                    var shared = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var member in members)
                    {
                        shared.Add(member.ToString());
                        if (TokenRevocation.Parse(member) is { } revocation)
                        {
                            revocations.Apply(revocation);
                        }
                    }

                    await RestoreMissingAsync(redis, shared, now).ConfigureAwait(false);
                    return;
                }
                catch (Exception ex) when (StoreOutage.Find(ex) is not null || ex is RedisException)
                {
                    LogUnavailable(logger, "load", ex.GetType().Name);
                    await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref loading, 0);
        }
    }

    /// <summary>Publishes again each revocation this instance applies that the shared set does not hold.</summary>
    private async Task RestoreMissingAsync(IConnectionMultiplexer redis, HashSet<string> shared, DateTimeOffset now)
    {
        var restored = 0;
        foreach (var revocation in revocations.Live())
        {
            if (!shared.Contains(revocation.Format()))
            {
                await PublishAsync(redis, revocation, now).ConfigureAwait(false);
                restored++;
            }
        }

        if (restored > 0)
        {
            LogRestored(logger, restored);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Token revocations: Redis had lost {Count} this instance still applies (restarted without its data?); shared them again")]
    private static partial void LogRestored(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Token revocations: Redis unreachable ({Step}, {ExceptionType}); tokens revoked meanwhile stay valid here until they expire or Redis is back")]
    private static partial void LogUnavailable(ILogger logger, string step, string exceptionType);
}
