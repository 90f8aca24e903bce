using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace ZodiaCore.Gateway.Caching;

/// <summary>
/// Output caching for POST routes whose answer depends only on the request body (a natal chart or its wheel: same
/// birth input, same answer, whoever asks). The key is the path, the content type and a SHA-256 of the body; only
/// 200 answers without cookies or "no-store" are kept, and only once their body was asked for
/// <see cref="ResponseCacheOptions.MinUses"/> times (<see cref="RecentRequestCounts"/>). A client's
/// <c>Cache-Control: no-cache</c> skips the look-up and <c>no-store</c> also skips storing. Rate limits and
/// authentication run before it, so a hit still counts.
/// </summary>
public sealed class RequestBodyCachePolicy(ResponseCacheOptions options, RecentRequestCounts counts, ResponseCacheMetrics metrics)
    : IOutputCachePolicy
{
    public const string Name = "request-body";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var requestCacheControl = request.Headers.CacheControl;
        var noStore = HeaderUtilities.ContainsCacheDirective(requestCacheControl, CacheControlHeaderValue.NoStoreString);
        var noCache = noStore || HeaderUtilities.ContainsCacheDirective(requestCacheControl, CacheControlHeaderValue.NoCacheString);
        var bodyHash = options.Enabled && HttpMethods.IsPost(request.Method) && !noStore
            ? await HashBodyAsync(request, options.MaxRequestBodyBytes, cancellation)
            : null;
        if (bodyHash is null)
        {
            context.EnableOutputCaching = false;
            metrics.Bypass();
            return;
        }

        if (counts.Increment(bodyHash) < options.MinUses)
        {
            context.EnableOutputCaching = false;
            metrics.Miss();
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = !noCache;
        context.AllowCacheStorage = true;
        // Concurrent requests for a body not cached yet wait for one answer instead of all computing it.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.TtlSeconds);
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.HeaderNames = HeaderNames.ContentType;
        context.CacheVaryByRules.VaryByValues["body"] = Convert.ToHexString(bodyHash);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Hit();
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        metrics.Miss();
        var response = context.HttpContext.Response;
        var responseCacheControl = response.Headers.CacheControl;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || HeaderUtilities.ContainsCacheDirective(responseCacheControl, CacheControlHeaderValue.NoStoreString)
            || HeaderUtilities.ContainsCacheDirective(responseCacheControl, CacheControlHeaderValue.PrivateString))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>SHA-256 of a body of up to <paramref name="limit"/> bytes (declared or sent chunked), left readable from
    /// the start for the proxy; null for a larger or truncated body (forwarded uncached).</summary>
    private static async ValueTask<byte[]?> HashBodyAsync(HttpRequest request, int limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        request.EnableBuffering(bufferThreshold: limit);
        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            // One byte past the limit tells a body that is too large from one that is exactly as large.
            var read = await request.Body.ReadAtLeastAsync(buffer.AsMemory(0, limit + 1), limit + 1,
                throwOnEndOfStream: false, cancellation);
            request.Body.Position = 0;
            return read <= limit && (request.ContentLength is null || read == request.ContentLength)
                ? SHA256.HashData(buffer.AsSpan(0, read))
                : null;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away or sent a broken body (Kestrel's BadHttpRequestException is an IOException): not
            // ours to answer here. Forwarded uncached, the proxy meets the same failure and answers it as it does
            // for any request.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
