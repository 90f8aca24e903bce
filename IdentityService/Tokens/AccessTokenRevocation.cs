using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Authentication;
using ZodiaCore.ServiceDefaults.Errors;

namespace ZodiaCore.IdentityService.Tokens;

/// <summary>
/// Ends access tokens before they expire when what they say is no longer true: the account locked, deleted or stripped
/// of a role, the password changed (other sessions), a session logged out or its refresh token stolen. Applied in this
/// process at once and shared through Redis (a sorted set every instance reads when it connects, and a channel every
/// instance listens on), so the gateway and every service refuse the token within moments. Without Redis other
/// processes keep accepting such a token until it expires (the access-token lifetime, 15 minutes by default); while it
/// is down, until it is back, when <see cref="TokenRevocationFeed"/> shares what Redis lacks. The revocation is logged
/// as not shared yet, and the account change itself still stands.
/// </summary>
public sealed partial class AccessTokenRevocation(
    TokenRevocations revocations,
    IServiceProvider services,
    IOptions<IdentityTokenOptions> options,
    TimeProvider time,
    ILogger<AccessTokenRevocation> logger)
{
    /// <summary>How long a revocation must be remembered: until every token it covers has expired, clock skew included.</summary>
    private TimeSpan Coverage => options.Value.AccessTokenLifetime + TokenValidation.ClockSkew;

    /// <summary>Every access token of the user issued until now; with <paramref name="keepSession"/>, that session's stay valid.</summary>
    public Task RevokeUserAsync(string userId, string? keepSession = null) =>
        ShareAsync(TokenRevocation.ForSubject(userId, time.GetUtcNow(), Coverage, keepSession));

    /// <summary>Every access token of the session (refresh-token family) issued until now.</summary>
    public Task RevokeSessionAsync(string familyId) =>
        ShareAsync(TokenRevocation.ForSession(familyId, time.GetUtcNow(), Coverage));

    private async Task ShareAsync(TokenRevocation revocation)
    {
        revocations.Apply(revocation);
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return;
        }

        try
        {
            await TokenRevocationFeed.PublishAsync(redis, revocation, time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreOutage.Find(ex) is not null || ex is RedisException)
        {
            LogNotShared(logger, ex.GetType().Name, options.Value.AccessTokenLifetime);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A token revocation could not be shared through Redis yet ({ExceptionType}); other services accept the revoked tokens until Redis is back, when it is shared again, or until they expire, within {Lifetime}")]
    private static partial void LogNotShared(ILogger logger, string exceptionType, TimeSpan lifetime);
}
