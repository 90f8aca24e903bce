namespace ZodiaCore.IntegrationTests;

/// <summary>
/// The ServiceDown alert, as monitoring/rules/services.yml defines it, evaluated by Prometheus while a scrape target
/// goes away. The target stopped is the spare gateway replica, so the tests sharing the app keep their gateway.
/// </summary>
[Collection(MonitoredCollection.Name)]
public sealed class ServiceDownAlertTests(MonitoredAppFixture fixture)
{
    private const string Job = "gateway";

    [Fact]
    public async Task A_stopped_gateway_replica_makes_service_down_true_for_the_gateway_job_and_the_alert_pending_within_its_window()
    {
        var rule = AlertRule.Read(Path.Combine(fixture.App.MonitoringDirectory, "rules", "services.yml"), "ServiceDown");
        using var prometheus = await fixture.App.ConnectPrometheusAsync();
        // The AppHost writes each target as host:port of the allocated endpoint; Prometheus makes that the instance.
        var replica = fixture.App.App.GetEndpoint(MonitoredAppFixture.SpareGateway, "http").Authority;
        await prometheus.WaitForScrapesAfterAsync(DateTimeOffset.UtcNow);
        Assert.Contains(await prometheus.SamplesAsync($"up{{job=\"{Job}\"}}"), s => s.Label("instance") == replica && s.Value == 1);
        Assert.DoesNotContain(await prometheus.SamplesAsync(rule.Expression), s => s.Label("job") == Job);
        Assert.DoesNotContain(await prometheus.AlertsAsync(), a => IsFor(a, rule));

        await fixture.App.StopAsync(MonitoredAppFixture.SpareGateway);

        // Down shows at the next scrape and the alert turns pending at the next evaluation: well inside its "for".
        var deadline = DateTime.UtcNow + rule.For;
        bool down, alerting;
        do
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            down = (await prometheus.SamplesAsync(rule.Expression)).Any(s => s.Label("job") == Job && s.Label("instance") == replica);
            alerting = (await prometheus.AlertsAsync()).Any(a => IsFor(a, rule) && a.Labels.GetValueOrDefault("instance") == replica
                && a.State is "pending" or "firing");
        }
        while (!(down && alerting) && DateTime.UtcNow < deadline);

        Assert.True(down, $"{rule.Expression} is not true for {Job} at {replica} {rule.For} after the stop");
        Assert.True(alerting, $"{rule.Name} is neither pending nor firing for {Job} at {replica} {rule.For} after the stop");
    }

    private static bool IsFor(PrometheusAlert alert, AlertRule rule) =>
        alert.Labels.GetValueOrDefault("alertname") == rule.Name && alert.Labels.GetValueOrDefault("job") == Job;
}
