using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ZodiaCore.InterpretationService.Apis;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// Identical asks of one user that arrive while the first is still being written by a (slow) language model wait for
/// that answer: one model call, one charge to the quota, one record in the history. (The fake ChartService gives every
/// inline chart one content id, so each test asks in its own language to stay out of the others' cache entries.)
/// </summary>
public sealed class InFlightAskTests(InFlightAskTests.SlowModelFactory factory) : IClassFixture<InFlightAskTests.SlowModelFactory>
{
    [Fact]
    public async Task Identical_asks_arriving_while_the_first_is_answered_share_its_interpretation_and_one_model_call()
    {
        using var erin = factory.CreateUserClient("erin");
        var request = new { chart = InterpretationApiFactory.InlineChart(), language = "it" };
        var callsBefore = factory.OpenAiCalls;

        var first = erin.InterpretAsync(request);
        await Task.Delay(200, ApiJson.Ct);
        var responses = await Task.WhenAll(first, erin.InterpretAsync(request), erin.InterpretAsync(request));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.Equal(callsBefore + 1, factory.OpenAiCalls);
        Assert.Single(bodies.Select(b => b.Text("id")).Distinct());
        Assert.Single(bodies, b => !b.GetProperty("cached").GetBoolean());
        Assert.All(bodies.Where(b => b.GetProperty("cached").GetBoolean()),
            b => Assert.Equal(JsonValueKind.Null, b.GetProperty("usage").GetProperty("inputTokens").ValueKind));
        using var history = await erin.GetAsync("/api/interpretations", ApiJson.Ct);
        Assert.Equal(1, (await history.ReadJsonAsync()).GetProperty("total").GetInt32());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_first_caller_hanging_up_does_not_cancel_the_answer_an_identical_ask_is_waiting_for()
    {
        using var frank = factory.CreateUserClient("frank");
        var request = new { chart = InterpretationApiFactory.InlineChart(), language = "es" };
        var callsBefore = factory.OpenAiCalls;
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(ApiJson.Ct);

        var first = frank.PostAsJsonAsync("/api/interpretations", request, hangUp.Token);
        await Task.Delay(200, ApiJson.Ct);
        var second = frank.InterpretAsync(request);
        await Task.Delay(200, ApiJson.Ct);
        await hangUp.CancelAsync();
        using var answer = await second;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = await answer.ReadJsonAsync();
        Assert.Equal("openai", body.Text("provider"));
        Assert.Equal(callsBefore + 1, factory.OpenAiCalls);
    }

    [Fact]
    public async Task Another_users_identical_ask_is_answered_on_its_own()
    {
        using var gina = factory.CreateUserClient("gina");
        using var hugo = factory.CreateUserClient("hugo");
        var request = new { chart = InterpretationApiFactory.InlineChart(), language = "pt" };
        var callsBefore = factory.OpenAiCalls;

        var responses = await Task.WhenAll(gina.InterpretAsync(request), hugo.InterpretAsync(request));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.NotEqual(bodies[0].Text("id"), bodies[1].Text("id"));
        Assert.Equal(callsBefore + 2, factory.OpenAiCalls);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Work_whose_waiting_asks_have_all_gone_is_cancelled_and_the_next_ask_starts_afresh()
    {
        var asks = new InFlightAsks();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var firstGone = CancellationTokenSource.CreateLinkedTokenSource(ApiJson.Ct);
        using var secondGone = CancellationTokenSource.CreateLinkedTokenSource(ApiJson.Ct);

        var first = asks.RunOnceAsync("ask", Endless, firstGone.Token);
        var second = asks.RunOnceAsync("ask", Endless, secondGone.Token);
        await firstGone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var stillRunning = !cancelled.Task.IsCompleted;
        await secondGone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10), ApiJson.Ct);
        var (_, joined) = await asks.RunOnceAsync("ask", _ => Task.FromResult(new InterpretationFlight(null, null)), ApiJson.Ct);

        Assert.True(stillRunning);
        Assert.False(joined);
        Assert.Equal(0, asks.Count);

        async Task<InterpretationFlight> Endless(CancellationToken token)
        {
            await using var registration = token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            return new InterpretationFlight(null, null);
        }
    }

    /// <summary>The language model of <see cref="LlmInterpretationApiFactory"/>, taking a second and a half to answer.</summary>
    public sealed class SlowModelFactory() : LlmInterpretationApiFactory(TimeSpan.FromSeconds(1.5));
}
