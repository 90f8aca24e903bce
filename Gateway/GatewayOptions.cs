namespace ZodiaCore.Gateway;

/// <summary>The gateway's own settings (section "Gateway").</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest request body accepted, in bytes (default 1 MB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser; none by default.</summary>
    public string[] CorsAllowedOrigins { get; set; } = [];
}
