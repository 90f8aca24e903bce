namespace ZodiaCore.Tests.Shared;

/// <summary>
/// Test classes whose every test gets a throwaway redis-server of its own, started before the test and killed after;
/// a test begins with <see cref="RequireRedis"/>, which skips it where redis-server is not installed. Linked into each
/// test project with such tests.
/// </summary>
public abstract class RedisServerTests : IAsyncLifetime
{
    private RedisServerProcess? redis;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => redis = await RedisServerProcess.StartAsync(Ct);

    public virtual ValueTask DisposeAsync()
    {
        redis?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>This test's server; skips the test where redis-server is not installed.</summary>
    protected RedisServerProcess RequireRedis()
    {
        Assert.SkipWhen(redis is null, $"{RedisServerProcess.Executable} is not installed (apt-get install redis-server).");
        return redis!;
    }

    /// <summary>Kills the server (if still running) and starts a new, empty one on the same port, as a restart without persistence.</summary>
    protected async Task<RedisServerProcess> RestartRedisAsync()
    {
        var stopped = RequireRedis();
        stopped.Stop();
        redis = await stopped.StartAgainAsync(Ct);
        stopped.Dispose();
        return redis;
    }
}
