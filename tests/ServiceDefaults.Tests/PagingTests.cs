using ZodiaCore.ServiceDefaults.Apis;

namespace ZodiaCore.ServiceDefaults.Tests;

public sealed class PagingTests
{
    [Theory]
    [InlineData(30_000_000, 100)]
    [InlineData(int.MaxValue, 1)]
    public void Page_beyond_the_last_possible_one_is_refused_naming_page_and_the_limit(int page, int pageSize)
    {
        var errors = Paging.Check(page, pageSize, out _, out _);

        Assert.Equal(["page"], errors.Keys);
        Assert.Contains("10,000,000", errors["page"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_possible_page_at_the_largest_page_size_is_accepted()
    {
        var errors = Paging.Check(10_000_000, Paging.MaxPageSize, out var page, out var pageSize);

        Assert.Empty(errors);
        Assert.Equal(999_999_900, Paging.Skip(page, pageSize));
    }

    [Fact]
    public void A_skip_past_the_int_range_stays_past_every_record_instead_of_wrapping()
    {
        Assert.Equal(int.MaxValue, Paging.Skip(30_000_000, 100));
    }
}
