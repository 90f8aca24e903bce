using WireMock.Server;

namespace ZodiaCore.InterpretationService.Tests.Providers;

/// <summary>A test class's two fake providers on real HTTP: one speaking OpenAI's wire format, one Anthropic's.</summary>
public abstract class FakeProviderTests : IDisposable
{
    protected WireMockServer OpenAi { get; } = WireMockServer.Start();

    protected WireMockServer Anthropic { get; } = WireMockServer.Start();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            OpenAi.Dispose();
            Anthropic.Dispose();
        }
    }
}
