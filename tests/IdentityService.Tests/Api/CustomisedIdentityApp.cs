using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ZodiaCore.IdentityService.Tests.Api;

/// <summary>IdentityService as <see cref="IdentityApiFactory"/> starts it, with a test's own settings or services on top.</summary>
public sealed class CustomisedIdentityApp : IAsyncDisposable
{
    public CustomisedIdentityApp(Action<IWebHostBuilder> configure)
    {
        App = Factory.WithWebHostBuilder(configure);
        Client = App.CreateClient();
    }

    public IdentityApiFactory Factory { get; } = new();

    public WebApplicationFactory<Program> App { get; }

    public HttpClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        // The factory disposes the app derived from it, after closing the embedded store that app opened.
        await Factory.DisposeAsync();
    }
}
