namespace ZodiaCore.InterpretationService.Providers;

/// <summary>
/// Sits outside the resilience pipeline and notes the final HTTP status or exception of a provider call, so a failure
/// can be named (rate limited, circuit open, timeout…) the same way whichever SDK wrapped it.
/// </summary>
internal sealed class ProviderCallRecorder : DelegatingHandler
{
    private static readonly AsyncLocal<ProviderCallRecord?> Current = new();

    /// <summary>Starts recording the HTTP calls made from this async flow.</summary>
    public static ProviderCallRecord Begin() => Current.Value = new ProviderCallRecord();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var record = Current.Value;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            record?.Responded((int)response.StatusCode);
            return response;
        }
        catch (Exception exception) when (record is not null)
        {
            record.Threw(exception);
            throw;
        }
    }
}

/// <summary>What the HTTP layer saw during one provider call.</summary>
internal sealed class ProviderCallRecord
{
    public int? Status { get; private set; }

    public Exception? Exception { get; private set; }

    public void Responded(int status)
    {
        Status = status;
        Exception = null;
    }

    public void Threw(Exception exception)
    {
        Exception = exception;
        Status = null;
    }
}
