using ZodiaCore.IdentityService.Accounts;

namespace ZodiaCore.IdentityService.Tests.Accounts;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("short1!")]
    [InlineData("123456789")]
    public void Fewer_than_ten_characters_are_refused(string password) =>
        Assert.NotNull(PasswordPolicy.Check(password, "alice@example.com"));

    [Fact]
    public void More_than_128_characters_are_refused() =>
        Assert.NotNull(PasswordPolicy.Check(new string('a', 60) + new string('b', 69), "alice@example.com"));

    [Theory]
    [InlineData("qwertyuiop")]
    [InlineData("Password123")]
    [InlineData("1234567890")]
    [InlineData("ILOVEYOU123")]
    public void A_common_password_is_refused_whatever_its_case(string password) =>
        Assert.Contains("common", PasswordPolicy.Check(password, "alice@example.com"), StringComparison.Ordinal);

    [Theory]
    [InlineData("alice.smith@example.com")]
    [InlineData("ALICE.SMITH@EXAMPLE.COM")]
    public void The_email_address_is_refused_as_a_password(string password) =>
        Assert.Contains("e-mail", PasswordPolicy.Check(password, "alice.smith@example.com"), StringComparison.Ordinal);

    [Fact]
    public void One_character_repeated_is_refused() =>
        Assert.NotNull(PasswordPolicy.Check("zzzzzzzzzzzz", "alice@example.com"));

    [Fact]
    public void A_long_uncommon_passphrase_is_accepted() =>
        Assert.Null(PasswordPolicy.Check("violet tractor umbrella 42", "alice@example.com"));

    [Fact]
    public void The_built_in_list_holds_a_few_hundred_entries() =>
        Assert.InRange(CommonPasswords.Count, 300, 10_000);
}
