using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.ServiceDefaults.Hosting;

/// <summary>
/// Puts the correlation id, the exception handler and problem-details status pages in front of every
/// service's own pipeline, so no Program.cs can forget them or get their order wrong.
/// </summary>
internal sealed class DefaultPipelineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        next(app);
    };
}
