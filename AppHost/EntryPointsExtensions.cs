namespace ZodiaCore.AppHost;

/// <summary>Tells the developer where to go once everything is up.</summary>
public static class EntryPointsExtensions
{
    /// <summary>Prints the gateway's and Prometheus's URLs when the resources have been created (the dashboard prints its own).</summary>
    public static void PrintEntryPoints(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<ExecutableResource>? prometheus)
    {
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((_, _) =>
        {
            Console.WriteLine();
            Console.WriteLine($"  ZodiaCore gateway:   {gateway.GetEndpoint("http").Url}   (health: /health, API reference: /docs)");
            if (prometheus is not null)
            {
                Console.WriteLine($"  Prometheus:          {prometheus.GetEndpoint("http").Url}/classic/targets");
            }

            Console.WriteLine();
            return Task.CompletedTask;
        });
    }
}
