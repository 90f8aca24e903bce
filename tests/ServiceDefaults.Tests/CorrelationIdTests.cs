using ZodiaCore.ServiceDefaults.Correlation;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class CorrelationIdTests
{
    [Theory]
    [InlineData("abc-123")]
    [InlineData("A.b_c:d-9")]
    [InlineData("0af7651916cd43dd8448eb211c80319c")]
    public void Ids_of_letters_digits_and_dot_underscore_colon_dash_are_accepted(string id) =>
        Assert.True(CorrelationId.IsValid(id));

    [Fact]
    public void An_id_of_exactly_128_characters_is_accepted_and_129_is_not()
    {
        Assert.True(CorrelationId.IsValid(new string('a', 128)));
        Assert.False(CorrelationId.IsValid(new string('a', 129)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("new\nline")]
    [InlineData("<script>")]
    [InlineData("semi;colon")]
    [InlineData("ünïcode")]
    [InlineData("slash/")]
    public void Empty_ids_and_ids_with_other_characters_are_rejected(string? id) =>
        Assert.False(CorrelationId.IsValid(id));
}
