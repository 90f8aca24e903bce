namespace ZodiaCore.AppHost;

/// <summary>Tells the developer where to go once everything is up.</summary>
public static class EntryPointsExtensions
{
    /// <summary>Prints the gateway's, Prometheus's and Grafana's URLs when the resources have been created (the dashboard prints its own).</summary>
    public static void PrintEntryPoints(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> gateway,
        IResourceBuilder<IResourceWithEndpoints>? prometheus, IResourceBuilder<IResourceWithEndpoints>? grafana)
    {
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((_, _) =>
        {
            Console.WriteLine();
            Console.WriteLine($"  ZodiaCore gateway:   {gateway.GetEndpoint("http").Url}   (health: /health, API reference: /docs)");
            if (prometheus is not null)
            {
                // Debian's build serves the classic UI; the official image the current one.
                var targetsPage = prometheus.Resource is ContainerResource ? "/targets" : "/classic/targets";
                Console.WriteLine($"  Prometheus:          {prometheus.GetEndpoint("http").Url}{targetsPage}");
            }

            if (grafana is not null)
            {
                Console.WriteLine($"  Grafana:             {grafana.GetEndpoint("http").Url}   (user admin, password: parameter grafana-admin-password)");
            }

            Console.WriteLine();
            return Task.CompletedTask;
        });
    }
}
