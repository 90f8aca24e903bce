using ZodiaCore.ServiceDefaults.Apis;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ZodiaCore.InterpretationService.Caching;
using ZodiaCore.InterpretationService.Charts;
using ZodiaCore.InterpretationService.ChartsClient;
using ZodiaCore.InterpretationService.Providers;
using ZodiaCore.InterpretationService.Quotas;
using ZodiaCore.InterpretationService.Storage;

namespace ZodiaCore.InterpretationService.Apis;

public static class InterpretationsApi
{
    /// <summary>Large enough for any natal request, small enough that nobody posts megabytes into a prompt.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    /// <summary>Maps /api/interpretations: create (JSON or SSE), list, get and delete the caller's interpretations.</summary>
    public static IEndpointRouteBuilder MapInterpretationsApi(this IEndpointRouteBuilder app)
    {
        // Service tokens are valid bearer tokens too; only user accounts may use these endpoints.
        var api = app.MapGroup("/api/interpretations").WithTags("Interpretations")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole("user", "admin"));

        api.MapPost("/", CreateInterpretation)
            .WithName("CreateInterpretation")
            .WithSummary("Interpret a saved or inline natal chart")
            .WithDescription("Answers JSON, or streams the sections as server-sent events (section…, done) with Accept: text/event-stream. "
                + "Asking again for an interpretation the caller already has answers from the cache with that same interpretation "
                + "(same id, cached: true) rather than storing a copy; so does an identical ask made while a language model is still writing the first. "
                + "404: chartId is not a saved chart of the caller. 422: ChartService cannot compute the chart as given (a local time that "
                + "is ambiguous or never happened, houses that cannot be drawn). 429: the daily quota of language-model interpretations "
                + "is spent (provider \"builtin\" is not limited). 502: ChartService answered with something this service cannot use.")
            .WithMetadata(new BodySizeLimit(MaxBodyBytes))
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("/", ListInterpretations).WithName("ListInterpretations").WithSummary("The caller's interpretations, newest first");
        api.MapGet("/{id}", GetInterpretation).WithName("GetInterpretation").WithSummary("One of the caller's interpretations")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id}", DeleteInterpretation).WithName("DeleteInterpretation").WithSummary("Delete one of the caller's interpretations")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<Ok<InterpretationResponse>, ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult>> CreateInterpretation(
        CreateInterpretationRequest? request, [AsParameters] InterpretationServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ask = InterpretationAsk.Read(request, out var errors);
        if (ask is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // An inline chart sent before may already have a cached interpretation: then ChartService is not asked at all.
        // A saved chart is always fetched, with the caller's token, because ChartService decides who owns it.
        var inlineKey = ask.Chart is { } inline ? InlineChartContentIds.KeyOf(inline) : null;
        var contentId = inlineKey is not null && services.InlineCharts.TryGet(inlineKey, out var knownId) ? knownId : null;
        var key = services.Cache.KeyFor(contentId, ask.Options, ask.Provider);
        var cached = await services.Cache.TryGetAsync(key, cancellationToken);
        ChartFetch? fetch = null;
        if (cached is null)
        {
            fetch = ask.ChartId is { } chartId
                ? await services.Charts.GetSavedChartAsync(chartId, services.Context.Request.Headers.Authorization, cancellationToken)
                : await services.Charts.ComputeNatalAsync(ask.Chart!.Value, cancellationToken);
            if (fetch.Failure is { } failure)
            {
                return ChartProblem(failure);
            }

            if (fetch.Chart!.ContentId != contentId)
            {
                contentId = fetch.Chart.ContentId;
                if (inlineKey is not null)
                {
                    services.InlineCharts.Remember(inlineKey, contentId);
                }

                key = services.Cache.KeyFor(contentId, ask.Options, ask.Provider);
                cached = await services.Cache.TryGetAsync(key, cancellationToken);
            }
        }

        if (WantsEventStream(services.Context.Request))
        {
            QuotaDecision? quota = null;
            if (cached is null && services.Engine.UsesLanguageModel(ask.Provider))
            {
                quota = await services.Quota.TryConsumeAsync(services.CallerId, cancellationToken);
                if (!quota.Allowed)
                {
                    return QuotaReached(services, quota);
                }
            }

            // Without a cached answer there was a fetch, and it gave a chart.
            var streamed = cached is null ? new InterpretationRequest(fetch!.Chart!, ask.Options, ask.Provider, fetch.Name) : null;
            return TypedResults.ServerSentEvents(StreamAsync(services, ask, contentId, streamed, key, cached, quota, cancellationToken));
        }

        if (cached is not null)
        {
            return TypedResults.Ok(await services.SaveAsync(ask, contentId, key, cached, cached: true));
        }

        var interpretation = new InterpretationRequest(fetch!.Chart!, ask.Options, ask.Provider, fetch.Name);
        var callerId = services.CallerId;
        // Only a language model's answer is worth waiting for: the built-in one takes well under a millisecond and no quota.
        var (flight, joined) = key is null || !services.Engine.UsesLanguageModel(ask.Provider)
            ? (await AnswerAsync(services, callerId, ask, contentId, key, interpretation, cancellationToken), false)
            : await services.InFlight.RunOnceAsync(
                string.Join('\n', callerId, ask.ChartId ?? "", key.ToString()),
                token => AnswerAsync(services, callerId, ask, contentId, key, interpretation, token),
                cancellationToken);
        if (flight.Refusal is { } refusal)
        {
            return QuotaReached(services, refusal);
        }

        // An ask that waited for an identical one under way gets that interpretation, as if from the cache.
        return TypedResults.Ok(joined
            ? flight.Response! with { Cached = true, Usage = new TokenUsageResponse(null, null) }
            : flight.Response!);
    }

    /// <summary>
    /// Charges the quota when a language model is planned, interprets, caches and stores. Runs for the asking request or
    /// for every identical ask waiting on it (<see cref="InFlightAsks"/>), so it reads nothing from the request itself.
    /// </summary>
    private static async Task<InterpretationFlight> AnswerAsync(
        InterpretationServices services, string callerId, InterpretationAsk ask, string? contentId, InterpretationCacheKey? key,
        InterpretationRequest interpretation, CancellationToken cancellationToken)
    {
        QuotaDecision? quota = null;
        if (services.Engine.UsesLanguageModel(ask.Provider))
        {
            quota = await services.Quota.TryConsumeAsync(callerId, cancellationToken);
            if (!quota.Allowed)
            {
                return new InterpretationFlight(null, quota);
            }
        }

        var outcome = await services.Engine.InterpretAsync(interpretation, cancellationToken);
        await services.Cache.TryStoreAsync(key, outcome);
        await RefundUnlessModelAnsweredAsync(services, quota, outcome);
        return new InterpretationFlight(await services.SaveAsync(callerId, ask, contentId, key, outcome, cached: false), null);
    }

    private static ProblemHttpResult QuotaReached(InterpretationServices services, QuotaDecision quota)
    {
        services.Context.Response.Headers.RetryAfter = quota.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Daily interpretation quota reached",
            detail: $"You have used your {quota.Limit} AI interpretations for today; the quota resets at midnight UTC. "
                + "Ask with provider \"builtin\" for an interpretation that is not limited.");
    }

    public static async Task<Results<Ok<PagedResult<InterpretationSummary>>, ValidationProblem>> ListInterpretations(
        int? page, int? pageSize, [AsParameters] InterpretationServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = Paging.Check(page, pageSize, out var resolvedPage, out var resolvedPageSize);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await services.Store.ListAsync(services.CallerId, resolvedPage, resolvedPageSize, cancellationToken);
        return TypedResults.Ok(found.Select(InterpretationServices.ToSummary));
    }

    public static async Task<Results<Ok<InterpretationResponse>, ProblemHttpResult>> GetInterpretation(
        string id, [AsParameters] InterpretationServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var record = await services.Store.FindAsync(id, services.CallerId, cancellationToken);
        return record is null ? NotFound(id) : TypedResults.Ok(services.ToResponse(record));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteInterpretation(
        string id, [AsParameters] InterpretationServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return await services.Store.DeleteAsync(id, services.CallerId, cancellationToken) ? TypedResults.NoContent() : NotFound(id);
    }

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        InterpretationServices services,
        InterpretationAsk ask,
        string? contentId,
        InterpretationRequest? request,
        InterpretationCacheKey? key,
        InterpretationOutcome? cached,
        QuotaDecision? quota,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (cached is not null)
        {
            // Resolved first: when the caller already has this interpretation, its sections are the ones streamed.
            var response = await services.SaveAsync(ask, contentId, key, cached, cached: true);
            foreach (var section in response.Sections)
            {
                yield return Event("section", new SectionEvent(section.Key, section.Title, section.Text, Restart: false));
            }

            yield return Event("done", response);
            yield break;
        }

        await foreach (var item in services.Engine.StreamAsync(request!, cancellationToken))
        {
            switch (item)
            {
                case SectionChunk chunk:
                    yield return Event("section", new SectionEvent(chunk.Key, chunk.Title, chunk.Text, chunk.Restart));
                    break;
                case InterpretationCompleted completed:
                    await services.Cache.TryStoreAsync(key, completed.Outcome);
                    await RefundUnlessModelAnsweredAsync(services, quota, completed.Outcome);
                    yield return Event("done", await services.SaveAsync(ask, contentId, key, completed.Outcome, cached: false));
                    break;
            }
        }
    }

    /// <summary>The quota counts interpretations a language model wrote; one the built-in interpreter wrote is given back.</summary>
    private static async Task RefundUnlessModelAnsweredAsync(InterpretationServices services, QuotaDecision? quota, InterpretationOutcome outcome)
    {
        if (quota is not null && outcome.Provider == AiProviderNames.BuiltIn)
        {
            // Not the request's token: the answer is written, and a client hanging up must not keep the count.
            await services.Quota.RefundAsync(quota, CancellationToken.None);
        }
    }

    private static SseItem<string> Event<T>(string type, T data) => new(JsonSerializer.Serialize(data, ApiJson.Options), type);

    private static bool WantsEventStream(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult ChartProblem(ChartFetchFailure failure) =>
        TypedResults.Problem(failure.Errors is { } errors
            ? new HttpValidationProblemDetails(errors) { Status = failure.Status, Title = failure.Title, Detail = failure.Detail }
            : new ProblemDetails { Status = failure.Status, Title = failure.Title, Detail = failure.Detail });

    // A problem result, not NotFound<ProblemDetails>: that one is written as application/json without the shared
    // customisation (correlation id, trace id).
    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Interpretation not found", detail: $"You have no interpretation with id '{Truncate(id)}'.");

    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";

    /// <summary>Endpoint metadata that caps the request body (Kestrel enforces it and answers 413).</summary>
    private sealed class BodySizeLimit(long maxBytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = maxBytes;
    }
}
