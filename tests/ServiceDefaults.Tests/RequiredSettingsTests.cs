using Microsoft.Extensions.Configuration;
using ZodiaCore.ServiceDefaults.Configuration;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class RequiredSettingsTests
{
    private static readonly RequiredSetting[] Settings =
    [
        new("Identity:Issuer", "the token issuer"),
        new("ZODIACORE_MANAGEMENT_PORT", "the management port", v => int.TryParse(v, out var p) && p is > 0 and < 65536),
        new("ENCRYPTION_KEY", "base64 of 32 bytes"),
    ];

    [Fact]
    public void Every_missing_and_invalid_setting_is_named_in_one_list()
    {
        var configuration = Configuration(("ZODIACORE_MANAGEMENT_PORT", "70000"));

        var problems = RequiredSettings.FindProblems(configuration, Settings);

        Assert.Equal(3, problems.Count);
        Assert.Contains("Identity:Issuer is missing: the token issuer", problems);
        Assert.Contains("ZODIACORE_MANAGEMENT_PORT is invalid: the management port", problems);
        Assert.Contains("ENCRYPTION_KEY is missing: base64 of 32 bytes", problems);
    }

    [Fact]
    public void Present_and_valid_settings_give_no_problems()
    {
        var configuration = Configuration(("Identity:Issuer", "zodiacore"), ("ZODIACORE_MANAGEMENT_PORT", "9464"), ("ENCRYPTION_KEY", "x"));

        Assert.Empty(RequiredSettings.FindProblems(configuration, Settings));
    }

    [Fact]
    public void A_blank_value_counts_as_missing()
    {
        var configuration = Configuration(("Identity:Issuer", "   "));

        Assert.Contains("Identity:Issuer is missing: the token issuer", RequiredSettings.FindProblems(configuration, Settings));
    }

    [Fact]
    public void A_setting_declared_twice_is_reported_once()
    {
        var problems = RequiredSettings.FindProblems(Configuration(), [Settings[0], Settings[0]]);

        Assert.Single(problems);
    }

    [Fact]
    public void Problem_messages_never_contain_the_value()
    {
        var configuration = Configuration(("ZODIACORE_MANAGEMENT_PORT", "secret-looking-value"));

        var problems = RequiredSettings.FindProblems(configuration, Settings);

        Assert.DoesNotContain(problems, p => p.Contains("secret-looking-value", StringComparison.Ordinal));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
