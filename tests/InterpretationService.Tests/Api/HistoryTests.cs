using System.Net;

namespace ZodiaCore.InterpretationService.Tests.Api;

public sealed class HistoryTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    private static async Task<string> CreateAsync(HttpClient client, string length = "short")
    {
        using var response = await client.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), sections = new[] { "overview" }, length });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).Text("id");
    }

    [Fact]
    public async Task Only_the_owner_can_read_or_delete_an_interpretation_others_get_404()
    {
        using var owner = factory.CreateUserClient("henry");
        using var other = factory.CreateUserClient("ivy");
        var id = await CreateAsync(owner);

        using var foreignGet = await other.GetAsync("/api/interpretations/" + id, ApiJson.Ct);
        using var foreignDelete = await other.DeleteAsync("/api/interpretations/" + id, ApiJson.Ct);
        using var ownGet = await owner.GetAsync("/api/interpretations/" + id, ApiJson.Ct);

        Assert.Equal(HttpStatusCode.NotFound, foreignGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        foreach (var notFound in new[] { foreignGet, foreignDelete })
        {
            // RFC 9457 like every other error: the problem media type, with the correlation id to quote.
            Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty((await notFound.ReadJsonAsync()).Text("correlationId")));
        }

        Assert.Equal(HttpStatusCode.OK, ownGet.StatusCode);
        Assert.Equal(id, (await ownGet.ReadJsonAsync()).Text("id"));

        using var ownDelete = await owner.DeleteAsync("/api/interpretations/" + id, ApiJson.Ct);
        using var afterDelete = await owner.GetAsync("/api/interpretations/" + id, ApiJson.Ct);
        Assert.Equal(HttpStatusCode.NoContent, ownDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task The_list_holds_only_the_callers_interpretations_newest_first_in_pages()
    {
        using var owner = factory.CreateUserClient("jack");
        using var other = factory.CreateUserClient("kate");
        var ids = new List<string>();
        foreach (var length in new[] { "short", "standard", "long" })
        {
            ids.Add(await CreateAsync(owner, length));
            factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await CreateAsync(other);

        using var firstPage = await owner.GetAsync("/api/interpretations?page=1&pageSize=2", ApiJson.Ct);
        using var secondPage = await owner.GetAsync("/api/interpretations?page=2&pageSize=2", ApiJson.Ct);

        var first = await firstPage.ReadJsonAsync();
        var second = await secondPage.ReadJsonAsync();
        Assert.Equal(3, first.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.Text("id"));
        Assert.Equal([ids[2], ids[1], ids[0]], listed);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Paging_outside_its_bounds_is_a_400_naming_the_parameter(string query, string field)
    {
        using var owner = factory.CreateUserClient("liam");

        using var response = await owner.GetAsync("/api/interpretations?" + query, ApiJson.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], await response.ErrorFieldsAsync());
    }
}
