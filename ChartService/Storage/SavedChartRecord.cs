namespace ZodiaCore.ChartService.Storage;

/// <summary>
/// A saved chart as stored: only the ids, owner, name and time in clear; <see cref="Payload"/> is the request and
/// the computed chart, encrypted (see <see cref="SavedCharts.SavedChartProtector"/>).
/// </summary>
public sealed record SavedChartRecord(string Id, string UserId, string Name, DateTimeOffset CreatedAt, string ContentId, byte[] Payload);

/// <summary>What a list of saved charts shows: no payload is read or decrypted for it.</summary>
public sealed record SavedChartSummary(string Id, string Name, string ContentId, DateTimeOffset CreatedAt);


/// <summary>One page of a list, the shape every ZodiaCore list answers with.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
