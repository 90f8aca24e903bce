using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ZodiaCore.InterpretationService.BuiltIn;
using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Prompting;

namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// Asks the configured language models in order and falls back to the next on any failure, ending with the built-in
/// interpreter, so a caller always gets an interpretation. Only the caller's own cancellation escapes as an exception.
/// </summary>
public sealed partial class InterpretationEngine(
    AiProviderCatalog catalog,
    ProviderChatClients chatClients,
    BuiltInInterpreter builtIn,
    InterpretationMetrics metrics,
    IOptionsMonitor<ProviderResilienceOptions> resilience,
    IOptionsMonitor<ProviderChainOptions> chain,
    TimeProvider timeProvider,
    ILogger<InterpretationEngine> logger)
{
    /// <summary>True when the request would be sent to a language model first (the caller's quota applies), false when only the built-in interpreter would answer.</summary>
    public bool UsesLanguageModel(string? preferredProvider) =>
        catalog.Plan(AiProviderNames.TryNormalize(preferredProvider, out var name) ? name : null).Count > 0;

    public async Task<InterpretationOutcome> InterpretAsync(InterpretationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, preferred, failures, messages) = Prepare(request);
        var sections = request.Options.EffectiveSections;

        var chainStarted = timeProvider.GetTimestamp();
        foreach (var provider in plan)
        {
            var started = timeProvider.GetTimestamp();
            if (TimeLeft(provider, chainStarted) is not { } timeLeft)
            {
                PassOver(provider.Name, FailureReasons.DeadlineExceeded, failures);
                continue;
            }

            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(timeLeft);
            var call = ProviderCallRecorder.Begin();
            string reason;
            try
            {
                var client = chatClients.Create(provider);
                var response = await client.GetResponseAsync(messages, ChatOptionsFor(provider, request.Options), guard.Token).ConfigureAwait(false);
                var model = response.ModelId ?? provider.Model;
                var usage = new TokenUsage(response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
                metrics.Tokens(provider.Name, model, usage.Input, usage.Output);

                var answer = SectionAnswer.Parse(response.Text, sections);
                if (answer.Sections is { } parsed)
                {
                    metrics.Succeeded(provider.Name, timeProvider.GetElapsedTime(started));
                    LogAnswered(logger, provider.Name, model, failures.Count);
                    return ModelOutcome(request, parsed, provider.Name, model, preferred, failures, usage);
                }

                reason = answer.FailureReason!;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                reason = Classify(exception, call);
            }

            Fail(provider.Name, reason, failures, started);
        }

        return BuiltInOutcome(request, sections, preferred, failures, started: timeProvider.GetTimestamp());
    }

    /// <summary>
    /// Streams section text as a model writes it, then the outcome. A provider that fails before its first chunk is
    /// replaced by the next; one that breaks off mid-stream is finished by the built-in interpreter (fallback).
    /// </summary>
    public async IAsyncEnumerable<InterpretationStreamEvent> StreamAsync(
        InterpretationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (plan, preferred, failures, messages) = Prepare(request);
        var sections = request.Options.EffectiveSections;

        var chainStarted = timeProvider.GetTimestamp();
        foreach (var provider in plan)
        {
            var started = timeProvider.GetTimestamp();
            if (TimeLeft(provider, chainStarted) is not { } timeLeft)
            {
                PassOver(provider.Name, FailureReasons.DeadlineExceeded, failures);
                continue;
            }

            var scanner = new SectionStreamScanner(sections);
            var written = new Dictionary<SectionKey, StringBuilder>();
            string? model = null;
            long? input = null, output = null;
            string? reason = null;

            using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            guard.CancelAfter(timeLeft);
            var call = ProviderCallRecorder.Begin();
            IAsyncEnumerator<ChatResponseUpdate>? updates = null;
            try
            {
                try
                {
                    updates = chatClients.Create(provider)
                        .GetStreamingResponseAsync(messages, ChatOptionsFor(provider, request.Options), guard.Token)
                        .GetAsyncEnumerator(guard.Token);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = Classify(exception, call);
                }

                while (updates is not null && reason is null)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        reason = Classify(exception, call);
                        break;
                    }

                    model ??= update.ModelId;
                    foreach (var usage in update.Contents.OfType<UsageContent>())
                    {
                        input = usage.Details.InputTokenCount ?? input;
                        output = usage.Details.OutputTokenCount ?? output;
                    }

                    foreach (var delta in scanner.Feed(update.Text))
                    {
                        if (written.Count == 0)
                        {
                            // Text is flowing, so the chain's deadline no longer applies: only the provider's own limit does.
                            var rest = resilience.Get(provider.Name).TotalTimeout - timeProvider.GetElapsedTime(started);
                            guard.CancelAfter(rest > TimeSpan.Zero ? rest : TimeSpan.Zero);
                        }

                        (written.TryGetValue(delta.Key, out var text) ? text : written[delta.Key] = new StringBuilder()).Append(delta.Text);
                        yield return new SectionChunk(delta.Key.ToKey(), SectionTitles.For(delta.Key), delta.Text, provider.Name);
                    }
                }
            }
            finally
            {
                if (updates is not null)
                {
                    await updates.DisposeAsync().ConfigureAwait(false);
                }
            }

            model ??= provider.Model;
            metrics.Tokens(provider.Name, model, input, output);
            var answer = reason is null ? SectionAnswer.Parse(scanner.Raw, sections) : null;
            if (answer?.Sections is { } parsed)
            {
                metrics.Succeeded(provider.Name, timeProvider.GetElapsedTime(started));
                LogAnswered(logger, provider.Name, model, failures.Count);

                // A section the scanner could not follow (odd JSON layout) is sent whole now; the outcome is authoritative anyway.
                foreach (var section in parsed.Where(s => !written.Keys.Any(k => k.ToKey() == s.Key)))
                {
                    yield return new SectionChunk(section.Key, section.Title, section.Text, provider.Name);
                }

                yield return new InterpretationCompleted(
                    ModelOutcome(request, parsed, provider.Name, model, preferred, failures, new TokenUsage(input, output)));
                yield break;
            }

            reason ??= answer?.FailureReason ?? FailureReasons.MalformedAnswer;
            if (written.Count == 0)
            {
                Fail(provider.Name, reason, failures, started);
                continue;
            }

            // Text is already on the user's screen: finish with the built-in interpreter rather than start over elsewhere.
            LogStreamBroken(logger, provider.Name, reason);
            Fail(provider.Name, FailureReasons.StreamInterrupted, failures, started);
            foreach (var item in FinishStream(request, scanner, written, failures, provider.Name))
            {
                yield return item;
            }

            yield break;
        }

        var builtInStarted = timeProvider.GetTimestamp();
        var outcome = BuiltInOutcome(request, sections, preferred, failures, builtInStarted);
        foreach (var section in outcome.Sections)
        {
            yield return new SectionChunk(section.Key, section.Title, section.Text, AiProviderNames.BuiltIn);
        }

        yield return new InterpretationCompleted(outcome);
    }

    private IEnumerable<InterpretationStreamEvent> FinishStream(
        InterpretationRequest request,
        SectionStreamScanner scanner,
        Dictionary<SectionKey, StringBuilder> written,
        List<ProviderFailure> failures,
        string brokenProvider)
    {
        var started = timeProvider.GetTimestamp();
        var requested = request.Options.EffectiveSections;
        var remaining = requested.Where(k => !scanner.Completed.Contains(k)).ToList();
        var result = builtIn.Interpret(request.Chart, request.Options with { Sections = remaining });
        metrics.Succeeded(AiProviderNames.BuiltIn, timeProvider.GetElapsedTime(started));

        var byKey = result.Sections.ToDictionary(s => s.Key);
        foreach (var key in remaining)
        {
            var section = byKey[key.ToKey()];
            yield return new SectionChunk(section.Key, section.Title, section.Text, AiProviderNames.BuiltIn, Restart: written.ContainsKey(key));
        }

        var merged = requested
            .Select(k => scanner.Completed.Contains(k)
                ? new InterpretationSection(k.ToKey(), scanner.Titles.GetValueOrDefault(k) ?? SectionTitles.For(k), written[k].ToString().Trim())
                : byKey[k.ToKey()])
            .ToList();

        LogFinished(logger, brokenProvider, remaining.Count);
        yield return new InterpretationCompleted(new InterpretationOutcome(
            merged, result.Language, result.LanguageFallback, result.Warnings, AiProviderNames.BuiltIn, BuiltInInterpreter.Version,
            Fallback: true, failures, Usage: null, BuiltInInterpreter.Version, timeProvider.GetUtcNow()));
    }

    /// <summary>What this provider may take: its own total timeout, cut to what is left of the chain's deadline; null when too little is left.</summary>
    private TimeSpan? TimeLeft(AiProviderSettings provider, long chainStarted)
    {
        var limits = chain.CurrentValue;
        var left = limits.ProviderDeadline - timeProvider.GetElapsedTime(chainStarted);
        var own = resilience.Get(provider.Name).TotalTimeout;
        return left <= TimeSpan.Zero || left < limits.MinimumProviderTime ? null : left < own ? left : own;
    }

    private (IReadOnlyList<AiProviderSettings> Plan, string Preferred, List<ProviderFailure> Failures, IReadOnlyList<ChatMessage> Messages) Prepare(
        InterpretationRequest request)
    {
        var preferred = request.PreferredProvider is { } asked && AiProviderNames.TryNormalize(asked, out var name) ? name : null;
        var plan = catalog.Plan(preferred);
        var failures = new List<ProviderFailure>();
        if (preferred is not null && preferred != AiProviderNames.BuiltIn && catalog.Find(preferred) is null)
        {
            PassOver(preferred, FailureReasons.NotConfigured, failures);
        }

        // Built only when a model will be asked: the built-in interpreter reads the chart itself.
        IReadOnlyList<ChatMessage> messages = plan.Count > 0 ? NatalPrompt.Build(request.Chart, request.Options, request.ChartName) : [];
        return (plan, preferred ?? (plan.Count > 0 ? plan[0].Name : AiProviderNames.BuiltIn), failures, messages);
    }

    private InterpretationOutcome BuiltInOutcome(
        InterpretationRequest request, IReadOnlyList<SectionKey> sections, string preferred, List<ProviderFailure> failures, long started)
    {
        var result = builtIn.Interpret(request.Chart, request.Options with { Sections = sections });
        metrics.Succeeded(AiProviderNames.BuiltIn, timeProvider.GetElapsedTime(started));
        if (failures.Count > 0)
        {
            LogAnswered(logger, AiProviderNames.BuiltIn, BuiltInInterpreter.Version, failures.Count);
        }

        return new InterpretationOutcome(
            result.Sections, result.Language, result.LanguageFallback, result.Warnings, AiProviderNames.BuiltIn, BuiltInInterpreter.Version,
            Fallback: preferred != AiProviderNames.BuiltIn, failures, Usage: null, BuiltInInterpreter.Version, timeProvider.GetUtcNow());
    }

    private InterpretationOutcome ModelOutcome(
        InterpretationRequest request, IReadOnlyList<InterpretationSection> sections, string provider, string model, string preferred,
        List<ProviderFailure> failures, TokenUsage usage)
    {
        IReadOnlyList<InterpretationWarning> warnings = request.Chart.HasHouses
            ? []
            : [new InterpretationWarning(InterpretationWarningCodes.HousesUnknown, "The chart has no birth time, so houses and angles were not interpreted.")];
        return new InterpretationOutcome(
            sections, NatalPrompt.SafeLanguage(request.Options.Language), LanguageFallback: false, warnings, provider, model,
            Fallback: preferred != provider, failures, usage, NatalPrompt.Version, timeProvider.GetUtcNow());
    }

    private static ChatOptions ChatOptionsFor(AiProviderSettings provider, InterpretationOptions options) => new()
    {
        MaxOutputTokens = NatalPrompt.MaxOutputTokens(options),

        // JSON mode exists on the OpenAI wire format (OpenAI, Gemini's compatible endpoint); Anthropic relies on the prompt.
        ResponseFormat = provider.Name == AiProviderNames.Anthropic ? null : ChatResponseFormat.Json,
    };

    /// <summary>A provider that was asked and did not answer.</summary>
    private void Fail(string provider, string reason, List<ProviderFailure> failures, long started)
    {
        failures.Add(new ProviderFailure(provider, reason));
        metrics.Failed(provider, reason, timeProvider.GetElapsedTime(started));
        LogFailed(logger, provider, reason);
    }

    /// <summary>A provider that was not asked (not configured, or no time left): still a hand-over to the next source.</summary>
    private void PassOver(string provider, string reason, List<ProviderFailure> failures)
    {
        failures.Add(new ProviderFailure(provider, reason));
        metrics.PassedOver(provider, reason);
        LogFailed(logger, provider, reason);
    }

    /// <summary>Names a failure from what the HTTP layer saw and the exception the SDK raised (never its message, which may quote the request).</summary>
    private static string Classify(Exception exception, ProviderCallRecord call)
    {
        var seen = Chain(exception).Concat(call.Exception is null ? [] : Chain(call.Exception)).ToList();
        if (seen.Any(e => e is BrokenCircuitException))
        {
            return FailureReasons.CircuitOpen;
        }

        if (seen.Any(e => e is TimeoutRejectedException or TimeoutException or OperationCanceledException))
        {
            return FailureReasons.Timeout;
        }

        return call.Status switch
        {
            429 => FailureReasons.RateLimited,
            408 => FailureReasons.Timeout,
            >= 500 => FailureReasons.ServerError,
            >= 400 => FailureReasons.RequestRejected,
            >= 200 and < 300 => FailureReasons.MalformedAnswer,
            _ => seen.Any(e => e is HttpRequestException) ? FailureReasons.NetworkError : FailureReasons.ProviderError,
        };
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interpretation provider {Provider} did not answer: {Reason}")]
    private static partial void LogFailed(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interpretation stream from {Provider} broke off ({Reason}); the built-in interpreter finishes it")]
    private static partial void LogStreamBroken(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The built-in interpreter finished {SectionCount} sections of the broken stream from {Provider}")]
    private static partial void LogFinished(ILogger logger, string provider, int sectionCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interpretation answered by {Provider} ({Model}) after {FailureCount} failed sources")]
    private static partial void LogAnswered(ILogger logger, string provider, string model, int failureCount);
}
