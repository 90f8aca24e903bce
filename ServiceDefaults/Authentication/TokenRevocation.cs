using System.Globalization;

namespace ZodiaCore.ServiceDefaults.Authentication;

/// <summary>
/// Access tokens that must stop working before they expire: every token of <see cref="Subject"/> issued up to and
/// including the second of <see cref="Cutoff"/> (an account locked, deleted or given other roles; a password changed,
/// when <see cref="KeepSession"/> names the session that changed it), or, with <see cref="Session"/> set instead,
/// every such token of that one session (a logout, a stolen refresh token). The entry is needed only until the last
/// token it covers has expired: <see cref="ForgetAt"/>.
/// </summary>
public sealed record TokenRevocation(string? Subject, string? Session, string? KeepSession, long Cutoff, long ForgetAt)
{
    /// <summary>Redis sorted set holding the live revocations, scored by <see cref="ForgetAt"/>.</summary>
    public const string RedisKey = "zodiacore:token-revocations";

    /// <summary>Redis channel every instance listens on, so a revocation applies everywhere within moments.</summary>
    public const string RedisChannel = "zodiacore:token-revocations";

    /// <summary>Every access token of <paramref name="subject"/> issued until <paramref name="at"/>, except <paramref name="keepSession"/>'s.</summary>
    public static TokenRevocation ForSubject(string subject, DateTimeOffset at, TimeSpan tokenLifetime, string? keepSession = null) =>
        new(subject, null, keepSession, at.ToUnixTimeSeconds(), (at + tokenLifetime).ToUnixTimeSeconds() + 1);

    /// <summary>Every access token of the session (refresh-token family) <paramref name="session"/> issued until <paramref name="at"/>.</summary>
    public static TokenRevocation ForSession(string session, DateTimeOffset at, TimeSpan tokenLifetime) =>
        new(null, session, null, at.ToUnixTimeSeconds(), (at + tokenLifetime).ToUnixTimeSeconds() + 1);

    /// <summary>The sorted-set member and channel message: tab-separated, since ids never hold a tab.</summary>
    public string Format() => string.Join('\t', Subject ?? "", Session ?? "", KeepSession ?? "",
        Cutoff.ToString(CultureInfo.InvariantCulture), ForgetAt.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads <see cref="Format"/>'s text; null for anything else, which is ignored rather than trusted.</summary>
    public static TokenRevocation? Parse(string? text)
    {
        var parts = text?.Split('\t');
        if (parts is not { Length: 5 }
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var cutoff)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var forgetAt)
            || (parts[0].Length == 0) == (parts[1].Length == 0))
        {
            return null;
        }

        return new TokenRevocation(NullIfEmpty(parts[0]), NullIfEmpty(parts[1]), NullIfEmpty(parts[2]), cutoff, forgetAt);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
