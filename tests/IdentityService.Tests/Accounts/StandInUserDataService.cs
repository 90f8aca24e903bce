using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ZodiaCore.IdentityService.Tests.Accounts;

/// <summary>How a <see cref="StandInUserDataService"/> answers.</summary>
internal enum StandInBehaviour
{
    /// <summary>Deletes answer 204, exports 200 with <c>{ service, items: [] }</c>.</summary>
    Answer,

    /// <summary>403, which the resilience handler does not retry.</summary>
    Refuse,

    /// <summary>No answer at all until the call is cancelled.</summary>
    Hang,

    /// <summary>200 and a JSON body that starts and never goes on.</summary>
    StallBody,
}

/// <summary>
/// A service's <c>DELETE /internal/users/{id}</c> and <c>GET /internal/users/{id}/export</c> behind IdentityService's
/// real named client (as its primary handler), recording each delete it confirms with the time on <see cref="Clock"/>.
/// </summary>
internal sealed class StandInUserDataService(string name) : HttpMessageHandler
{
    private const string UsersPath = "/internal/users/";

    /// <summary>Makes these stand-ins the services holding users' data (<c>Identity:UserDataServices</c>), under their names.</summary>
    public static void Register(IWebHostBuilder builder, params StandInUserDataService[] services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Identity:UserDataServices", string.Join(',', services.Select(s => s.Name)));
        foreach (var service in services)
        {
            // An address for service discovery to resolve; the stand-in answers before anything is sent to it.
            builder.UseSetting($"services:{service.Name}:http:0", "http://127.0.0.1:9");
        }

        builder.ConfigureTestServices(collection =>
        {
            foreach (var service in services)
            {
                collection.AddHttpClient(service.Name).ConfigurePrimaryHttpMessageHandler(() => service);
            }
        });
    }

    public string Name { get; } = name;

    public StandInBehaviour Behaviour { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>When set, every call signals it and answers only once all expected calls have arrived.</summary>
    public CountdownEvent? Arrivals { get; set; }

    public ConcurrentQueue<(string UserId, DateTimeOffset At)> Deletes { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Arrivals is { } arrivals)
        {
            arrivals.Signal();
            await Task.Run(() => arrivals.Wait(cancellationToken), cancellationToken);
        }

        switch (Behaviour)
        {
            case StandInBehaviour.Refuse:
                return new HttpResponseMessage(HttpStatusCode.Forbidden);
            case StandInBehaviour.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case StandInBehaviour.StallBody:
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StalledContent() };
        }

        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Delete && path.StartsWith(UsersPath, StringComparison.Ordinal))
        {
            Deletes.Enqueue((path[UsersPath.Length..], Clock.GetUtcNow()));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        return request.Method == HttpMethod.Get && path.EndsWith("/export", StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { service = Name, items = Array.Empty<object>() }) }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    /// <summary>A JSON body that starts and then never goes on.</summary>
    private sealed class StalledContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("{\"items\":["u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
