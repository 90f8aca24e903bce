using System.Net;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;
using StackExchange.Redis;
using ZodiaCore.ServiceDefaults.Errors;

namespace ZodiaCore.ServiceDefaults.Tests;

/// <summary>Which exceptions mean "a data store cannot be reached" (answered 503) and which are faults (500).</summary>
public sealed class DependencyUnavailableTests
{
    private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("mongo.invalid", 27017)));

    public static TheoryData<string, Exception> Outages => new()
    {
        { "server selection timed out", new TimeoutException("A timeout occurred after 10000ms selecting a server.") },
        { "connection refused", new MongoConnectionException(Connection, "refused") },
        { "operation exceeded its time limit", new MongoExecutionTimeoutException(Connection, "time limit") },
        { "Redis down", new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "down", null, CommandStatus.Unknown) },
        { "Redis timeout", new RedisTimeoutException(CommandFlags.None, "slow", CommandStatus.Sent) },
        { "wrapped by a caller", new InvalidOperationException("reading the page failed", new MongoConnectionException(Connection, "reset")) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void An_unreachable_store_is_an_outage(string because, Exception exception)
    {
        Assert.True(StoreOutage.Find(exception) is not null, because);
    }

    public static TheoryData<string, Exception> Faults => new()
    {
        { "a bug", new InvalidOperationException("sequence contains no elements") },
        { "a duplicate key", new MongoClientException("duplicate") },
        { "a Redis command error", new RedisServerException(RedisErrorKind.WrongType, CommandFlags.None, "WRONGTYPE") },
        { "a null", new NullReferenceException() },
        { "a regular expression's time limit", new System.Text.RegularExpressions.RegexMatchTimeoutException("input", "^a+$", TimeSpan.FromSeconds(1)) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void Anything_else_stays_a_fault(string because, Exception exception)
    {
        Assert.True(StoreOutage.Find(exception) is null, because);
    }
}
