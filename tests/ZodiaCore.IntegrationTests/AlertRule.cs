using YamlDotNet.RepresentationModel;

namespace ZodiaCore.IntegrationTests;

/// <summary>An alerting rule as a file under monitoring/rules defines it.</summary>
public sealed record AlertRule(string Name, string Expression, TimeSpan For)
{
    /// <summary>The one rule named <paramref name="alert"/> in <paramref name="rulesFile"/>.</summary>
    public static AlertRule Read(string rulesFile, string alert)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(rulesFile))
        {
            yaml.Load(reader);
        }

        var rule = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["groups"]).Children.OfType<YamlMappingNode>()
            .SelectMany(group => ((YamlSequenceNode)group["rules"]).Children.OfType<YamlMappingNode>())
            .Single(r => r.Children.TryGetValue("alert", out var name) && name.ToString() == alert);
        var pending = rule.Children.TryGetValue("for", out var duration) ? PrometheusDuration.Parse(duration.ToString()) : TimeSpan.Zero;
        return new AlertRule(alert, rule["expr"].ToString(), pending);
    }
}
