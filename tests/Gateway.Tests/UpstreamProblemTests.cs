using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using ZodiaCore.Gateway.Proxy;

namespace ZodiaCore.Gateway.Tests;

public sealed class UpstreamProblemTests
{
    [Fact]
    public void A_refused_connection_means_the_service_is_down_503()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        var problem = UpstreamProblem.Classify(ForwarderError.Request, refused, "charts");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem!.Status);
        Assert.Contains("charts", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_available_destination_is_503() =>
        Assert.Equal(503, UpstreamProblem.Classify(ForwarderError.NoAvailableDestinations, null, "identity")!.Status);

    [Fact]
    public void An_upstream_slower_than_the_route_timeout_is_504() =>
        Assert.Equal(504, UpstreamProblem.Classify(ForwarderError.RequestTimedOut, new TaskCanceledException(), "charts")!.Status);

    [Theory]
    [InlineData(ForwarderError.ResponseHeaders)]
    [InlineData(ForwarderError.ResponseBodyDestination)]
    [InlineData(ForwarderError.Request)]
    public void A_broken_upstream_answer_is_502(ForwarderError error)
    {
        var broken = new HttpRequestException(HttpRequestError.InvalidResponse, "garbage");

        Assert.Equal(502, UpstreamProblem.Classify(error, broken, "interpretation")!.Status);
    }

    [Fact]
    public void A_client_body_over_the_limit_is_413() =>
        Assert.Equal(413, UpstreamProblem.Classify(ForwarderError.RequestBodyClient, new BadHttpRequestException("too large", 413), "charts")!.Status);

    [Fact]
    public void A_client_that_went_away_gets_no_answer() =>
        Assert.Null(UpstreamProblem.Classify(ForwarderError.RequestCanceled, new OperationCanceledException(), "charts"));
}
