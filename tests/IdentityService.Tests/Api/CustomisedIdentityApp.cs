using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ZodiaCore.IdentityService.Storage;
using ZodiaCore.IdentityService.Storage.LiteDb;

namespace ZodiaCore.IdentityService.Tests.Api;

/// <summary>IdentityService as <see cref="IdentityApiFactory"/> starts it, with a test's own settings or services on top.</summary>
public sealed class CustomisedIdentityApp : IAsyncDisposable
{
    public CustomisedIdentityApp(Action<IWebHostBuilder> configure)
    {
        App = Factory.WithWebHostBuilder(configure);
        Client = App.CreateClient();
    }

    /// <summary>The app with its embedded account store wrapped by a test's stand-in, registered as itself and as the store.</summary>
    public static CustomisedIdentityApp WithUserStore<TStore>(Func<IUserStore, TStore> wrap) where TStore : class, IUserStore =>
        new(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<LiteDbUserStore>();
            services.AddSingleton(sp => wrap(sp.GetRequiredService<LiteDbUserStore>()));
            services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<TStore>());
        }));

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
