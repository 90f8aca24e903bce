namespace ZodiaCore.Gateway.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>The gateway's choice of inline socket completions, which it makes in the process environment at start.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class GatewaySocketsTests : IDisposable
{
    private readonly string? _before = Environment.GetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable);

    public void Dispose() => Environment.SetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable, _before);

    [Fact]
    public void Inline_socket_completions_are_turned_on_when_the_environment_has_not_chosen()
    {
        Environment.SetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable, null);

        GatewaySockets.PreferInlineCompletions();

        Assert.Equal("1", Environment.GetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable));
    }

    [Fact]
    public void An_operators_choice_of_socket_completions_is_kept()
    {
        Environment.SetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable, "0");

        GatewaySockets.PreferInlineCompletions();

        Assert.Equal("0", Environment.GetEnvironmentVariable(GatewaySockets.InlineCompletionsVariable));
    }
}
