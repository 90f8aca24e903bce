using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace ZodiaCore.Gateway.Proxy;

/// <summary>
/// What a failed forward means to the client: the service is down (503), too slow (504), answered
/// brokenly (502), or the client's own body was at fault (4xx).
/// </summary>
public sealed record UpstreamProblem(int Status, string Title, string Detail)
{
    /// <summary>The problem for a forwarding error, or null when the client cancelled and nobody is listening.</summary>
    public static UpstreamProblem? Classify(ForwarderError error, Exception? exception, string service) => error switch
    {
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled => null,
        ForwarderError.RequestTimedOut => new(StatusCodes.Status504GatewayTimeout, "Upstream timed out",
            $"The {service} service did not answer within the route's timeout."),
        ForwarderError.NoAvailableDestinations => Unavailable(service),
        ForwarderError.Request when IsConnectionFailure(exception) => Unavailable(service),
        ForwarderError.RequestBodyClient when Find<BadHttpRequestException>(exception) is { StatusCode: 413 } =>
            new(StatusCodes.Status413PayloadTooLarge, "Request body too large", "The request body exceeds the gateway's limit."),
        ForwarderError.RequestBodyClient => new(StatusCodes.Status400BadRequest, "Bad request", "The request body could not be read."),
        _ => new(StatusCodes.Status502BadGateway, "Bad gateway", $"The {service} service gave a broken response."),
    };

    private static UpstreamProblem Unavailable(string service) =>
        new(StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"The {service} service is not reachable.");

    private static bool IsConnectionFailure(Exception? exception) =>
        Find<HttpRequestException>(exception) is { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
        || Find<SocketException>(exception) is { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostNotFound };

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }
}
