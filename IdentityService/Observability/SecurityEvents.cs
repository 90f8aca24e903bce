namespace ZodiaCore.IdentityService.Observability;

/// <summary>
/// Structured security events. They carry user id, client IP and correlation id — never passwords, tokens,
/// keys, birth data or e-mail addresses.
/// </summary>
public static partial class SecurityEvents
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Login succeeded for user {UserId} from {ClientIp} (correlation {CorrelationId})")]
    public static partial void LoginSucceeded(ILogger logger, string userId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Login failed for user {UserId} from {ClientIp}: {Reason} (correlation {CorrelationId})")]
    public static partial void LoginFailed(ILogger logger, string? userId, string? clientIp, string reason, string? correlationId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Account {UserId} locked until {LockedUntil:o} after {FailedAttempts} failed logins from {ClientIp} (correlation {CorrelationId})")]
    public static partial void AccountLocked(ILogger logger, string userId, DateTimeOffset lockedUntil, int failedAttempts, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Refresh token reuse for user {UserId} from {ClientIp}: token family {FamilyId} revoked (correlation {CorrelationId})")]
    public static partial void RefreshTokenReuse(ILogger logger, string userId, string familyId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Roles of user {UserId} changed from [{OldRoles}] to [{NewRoles}] by admin {AdminId} from {ClientIp} (correlation {CorrelationId})")]
    public static partial void RolesChanged(ILogger logger, string userId, string oldRoles, string newRoles, string adminId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "User {UserId} {Action} by admin {AdminId} from {ClientIp} (correlation {CorrelationId})")]
    public static partial void AdminLockChanged(ILogger logger, string userId, string action, string adminId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "User {UserId} registered from {ClientIp} (correlation {CorrelationId})")]
    public static partial void Registered(ILogger logger, string userId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Password changed for user {UserId} from {ClientIp}; {Revoked} other sessions revoked (correlation {CorrelationId})")]
    public static partial void PasswordChanged(ILogger logger, string userId, int revoked, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Account deletion of user {UserId}: {Outcome} (correlation {CorrelationId})")]
    public static partial void AccountDeletion(ILogger logger, string userId, string outcome, string? correlationId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Service token issued to client {ClientId} from {ClientIp} (correlation {CorrelationId})")]
    public static partial void ServiceTokenIssued(ILogger logger, string clientId, string? clientIp, string? correlationId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Service token refused for client {ClientId} from {ClientIp} (correlation {CorrelationId})")]
    public static partial void ServiceTokenRefused(ILogger logger, string? clientId, string? clientIp, string? correlationId);
}
