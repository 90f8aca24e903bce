using System.Security.Claims;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.ChartsClient;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Quotas;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Apis;

/// <summary>Handler dependencies of the interpretation APIs, bound with [AsParameters].</summary>
public sealed class InterpretationServices(
    HttpContext context,
    IInterpretationStore store,
    SectionsProtector protector,
    InterpretationEngine engine,
    ChartServiceClient charts,
    InterpretationCache cache,
    InlineChartContentIds inlineCharts,
    InFlightAsks inFlight,
    DailyLlmQuota quota,
    TimeProvider time)
{
    public HttpContext Context { get; } = context;
    public IInterpretationStore Store { get; } = store;
    public SectionsProtector Protector { get; } = protector;
    public InterpretationEngine Engine { get; } = engine;
    public ChartServiceClient Charts { get; } = charts;
    public InterpretationCache Cache { get; } = cache;
    public InlineChartContentIds InlineCharts { get; } = inlineCharts;
    public InFlightAsks InFlight { get; } = inFlight;
    public DailyLlmQuota Quota { get; } = quota;
    public TimeProvider Time { get; } = time;

    /// <summary>The caller's user id (<c>sub</c>); the endpoints require an authenticated user, so it is present.</summary>
    public string CallerId => Context.User.FindFirstValue("sub") ?? throw new InvalidOperationException("The token has no subject.");

    /// <summary>
    /// Stores the outcome as a new interpretation of the caller and returns it as the response; an outcome from the cache
    /// that the caller was already given for the same ask (<see cref="AskId"/>) returns that interpretation instead, so
    /// asking again, or a client retrying, does not fill the history with copies.
    /// </summary>
    public Task<InterpretationResponse> SaveAsync(
        InterpretationAsk ask, string? contentId, InterpretationCacheKey? key, InterpretationOutcome outcome, bool cached) =>
        SaveAsync(CallerId, ask, contentId, key, outcome, cached);

    /// <summary>As above for <paramref name="callerId"/>, without reading the request (which may have ended meanwhile).</summary>
    public async Task<InterpretationResponse> SaveAsync(
        string callerId, InterpretationAsk ask, string? contentId, InterpretationCacheKey? key, InterpretationOutcome outcome, bool cached)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(outcome);
        // Not the request's token, here and below: an interpretation already generated (and counted against the quota)
        // is kept in the caller's history even when the client has hung up before the answer.
        var askId = AskId.Of(callerId, ask.ChartId, key, outcome);
        if (cached && askId is not null && await Store.FindAsync(askId, callerId, CancellationToken.None).ConfigureAwait(false) is { } earlier)
        {
            return Again(earlier, outcome);
        }

        var now = Time.GetUtcNow();
        var createdAt = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var record = NewRecord(askId ?? NewId(createdAt), callerId, ask, contentId, outcome, cached, createdAt);
        if (!await Store.TryInsertAsync(record, CancellationToken.None).ConfigureAwait(false))
        {
            // An identical ask stored its record first (the two raced past the look-up above, or were made in the same
            // millisecond on two instances): that one is the answer. Failing that, the id is another user's, which a
            // 74-bit hash makes all but impossible, and the record goes under a fresh id.
            if (await Store.FindAsync(record.Id, callerId, CancellationToken.None).ConfigureAwait(false) is { } first)
            {
                return Again(first, outcome);
            }

            record = NewRecord(NewId(createdAt), callerId, ask, contentId, outcome, cached, createdAt);
            if (!await Store.TryInsertAsync(record, CancellationToken.None).ConfigureAwait(false))
            {
                throw new InvalidOperationException("A new random interpretation id was already taken.");
            }
        }

        return ToResponse(record, outcome.Sections, cached) with { Failures = outcome.Failures };
    }

    // The stored interpretation, answered as a repeat: cached, and no usage, as for any answer from the cache.
    private InterpretationResponse Again(InterpretationRecord stored, InterpretationOutcome outcome) =>
        ToResponse(stored with { InputTokens = null, OutputTokens = null }, Protector.Decrypt(stored), cached: true)
            with { Failures = outcome.Failures };

    private static string NewId(DateTimeOffset createdAt) => Guid.CreateVersion7(createdAt).ToString("N");

    private InterpretationRecord NewRecord(
        string id, string callerId, InterpretationAsk ask, string? contentId, InterpretationOutcome outcome, bool cached, DateTimeOffset createdAt) => new()
    {
        Id = id,
        UserId = callerId,
        ChartId = ask.ChartId,
        ContentId = contentId,
        Provider = outcome.Provider,
        Model = outcome.Model,
        Fallback = outcome.Fallback,
        PromptVersion = outcome.PromptVersion,
        Language = outcome.Language,
        Length = LengthName(ask.Options.Length),
        SectionKeys = outcome.Sections.Select(s => s.Key).ToArray(),
        InputTokens = cached ? null : outcome.Usage?.Input,
        OutputTokens = cached ? null : outcome.Usage?.Output,
        Warnings = outcome.Warnings,
        CreatedAt = createdAt,
        SectionsCiphertext = Protector.Encrypt(id, outcome.Sections),
    };

    public InterpretationResponse ToResponse(InterpretationRecord record) => ToResponse(record, Protector.Decrypt(record), cached: false);

    public static InterpretationSummary ToSummary(InterpretationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.ChartId, record.ContentId, record.SectionKeys, record.Provider, record.Model, record.Fallback,
            record.Language, record.Length, record.CreatedAt);
    }

    public static InterpretationResponse ToResponse(InterpretationRecord record, IReadOnlyList<InterpretationSection> sections, bool cached)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, sections, record.Provider, record.Model, record.Fallback, record.PromptVersion,
        new TokenUsageResponse(record.InputTokens, record.OutputTokens), record.ChartId, record.ContentId, record.CreatedAt,
        record.Warnings, record.Language, record.Length, cached);
    }

    private static string LengthName(InterpretationLength length) => length switch
    {
        InterpretationLength.Short => "short",
        InterpretationLength.Long => "long",
        _ => "standard",
    };
}
