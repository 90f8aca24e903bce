using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ZodiaCore.ServiceDefaults.Configuration;

/// <summary>
/// Settings declared by the service and by the shared defaults, checked together once everything is
/// registered, so a misconfigured process stops at once with one message naming every problem.
/// </summary>
public static class RequiredSettings
{
    public const int ExitCode = 78; // EX_CONFIG from sysexits.h

    /// <summary>Declares settings this service requires; they are checked when the default endpoints are mapped.</summary>
    public static TBuilder RequireSettings<TBuilder>(this TBuilder builder, params RequiredSetting[] settings)
        where TBuilder : IHostApplicationBuilder
    {
        foreach (var setting in settings)
        {
            builder.Services.AddSingleton(setting);
        }

        return builder;
    }

    /// <summary>The problems with the configuration, one line each; empty when every setting is present and valid.</summary>
    public static IReadOnlyList<string> FindProblems(IConfiguration configuration, IEnumerable<RequiredSetting> settings)
    {
        var problems = new List<string>();
        foreach (var setting in settings.DistinctBy(s => s.Key))
        {
            var value = configuration[setting.Key];
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{setting.Key} is missing: {setting.Description}");
            }
            else if (setting.IsValid is { } isValid && !isValid(value))
            {
                problems.Add($"{setting.Key} is invalid: {setting.Description}");
            }
        }

        return problems;
    }

    /// <summary>Stops the process with exit code 78 and one message when a required setting is missing or invalid.</summary>
    public static void EnsureRequiredSettings(this WebApplication app)
    {
        var problems = FindProblems(app.Configuration, app.Services.GetServices<RequiredSetting>());
        if (problems.Count == 0)
        {
            return;
        }

        var service = app.Services.GetRequiredService<ServiceIdentity>().Name;
        // Written straight to stderr: the message must reach the operator even if logging is what is misconfigured.
        Console.Error.WriteLine($"{service} cannot start; fix these settings:{Environment.NewLine}  - "
            + string.Join(Environment.NewLine + "  - ", problems));
        Console.Error.Flush();
        Environment.Exit(ExitCode);
    }
}
