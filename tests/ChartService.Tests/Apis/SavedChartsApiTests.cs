using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Apis;

/// <summary>The saved-chart API and the internal per-user endpoints, through the real Program with bearer tokens.</summary>
public sealed class SavedChartsApiTests(ChartApiFactory factory) : IClassFixture<ChartApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<JsonElement> ReadJson(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

    private static async Task<JsonElement> SaveAsync(HttpClient client, string name)
    {
        using var response = await client.PostAsync("/api/charts", Json(Saved(name)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadJson(response);
    }

    [Fact]
    public async Task Saving_a_chart_answers_201_with_its_location_request_and_computed_chart()
    {
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.PostAsync("/api/charts", Json(Saved("Mum")), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await ReadJson(response);
        var id = saved.GetProperty("id").GetString();
        Assert.Equal($"/api/charts/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Mum", saved.GetProperty("name").GetString());
        Assert.Equal(BirthDate, saved.GetProperty("request").GetProperty("birth").GetProperty("date").GetString());
        Assert.Equal(PlaceName, saved.GetProperty("request").GetProperty("location").GetProperty("name").GetString());
        Assert.Equal(saved.GetProperty("contentId").GetString(), saved.GetProperty("chart").GetProperty("contentId").GetString());
        Assert.Equal("1990-05-15T13:30:00Z", saved.GetProperty("chart").GetProperty("utc").GetString());
        Assert.True(saved.TryGetProperty("createdAt", out _));
    }

    [Fact]
    public async Task A_saved_chart_reads_back_exactly_as_it_was_answered()
    {
        using var client = factory.CreateUserClient(NewUser());
        var saved = await SaveAsync(client, "Me");

        using var response = await client.GetAsync($"/api/charts/{saved.GetProperty("id").GetString()}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(saved.GetRawText(), (await ReadJson(response)).GetRawText());
    }

    [Fact]
    public async Task Two_users_saving_the_same_birth_data_get_different_ids_and_the_same_content_id()
    {
        using var first = factory.CreateUserClient(NewUser());
        using var second = factory.CreateUserClient(NewUser());

        var a = await SaveAsync(first, "Same");
        var b = await SaveAsync(second, "Same");

        Assert.NotEqual(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
        Assert.Equal(a.GetProperty("contentId").GetString(), b.GetProperty("contentId").GetString());
    }

    [Fact]
    public async Task Another_users_chart_is_404_to_read_draw_and_delete_and_stays_for_its_owner()
    {
        using var owner = factory.CreateUserClient(NewUser());
        using var other = factory.CreateUserClient(NewUser());
        var id = (await SaveAsync(owner, "Private")).GetProperty("id").GetString();

        using var read = await other.GetAsync($"/api/charts/{id}", Ct);
        using var draw = await other.GetAsync($"/api/charts/{id}/svg", Ct);
        using var delete = await other.DeleteAsync($"/api/charts/{id}", Ct);
        using var list = await other.GetAsync("/api/charts", Ct);
        using var stillThere = await owner.GetAsync($"/api/charts/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, draw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(0, (await ReadJson(list)).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.GetAsync("/api/charts/0123456789abcdef0123456789abcdef", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_list_is_newest_first_and_paged()
    {
        using var client = factory.CreateUserClient(NewUser());
        foreach (var name in new[] { "first", "second", "third" })
        {
            await SaveAsync(client, name);
            factory.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var page1 = await ReadJson(await client.GetAsync("/api/charts?page=1&pageSize=2", Ct));
        var page2 = await ReadJson(await client.GetAsync("/api/charts?page=2&pageSize=2", Ct));

        Assert.Equal(["third", "second"], page1.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["first"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(3, page1.GetProperty("total").GetInt64());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(2, page2.GetProperty("pageSize").GetInt32());
        var item = page1.GetProperty("items")[0];
        Assert.Equal(["id", "name", "contentId", "createdAt"], item.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task Paging_outside_its_limits_is_400_naming_the_field(string query, string field)
    {
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.GetAsync("/api/charts" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJson(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Page_beyond_the_last_possible_one_is_a_400_naming_page()
    {
        // (page - 1) * pageSize would wrap past int.MaxValue: MongoDB then fails and LiteDB answers another page.
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.GetAsync("/api/charts?page=30000000&pageSize=100", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadJson(response)).GetProperty("errors");
        Assert.Equal(["page"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_chart_without_a_name_is_400_naming_the_name()
    {
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.PostAsync("/api/charts", Json(Natal), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ReadJson(response)).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData("Mum\nDad")]
    [InlineData("Mum\u0000")]
    [InlineData("\tMum\u0007")]
    public async Task A_chart_name_with_a_control_character_is_400_naming_the_name(string name)
    {
        using var client = factory.CreateUserClient(NewUser());

        using var response = await client.PostAsync("/api/charts", Json(Saved(name)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["name"], (await ReadJson(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task A_deleted_chart_is_gone_and_a_second_delete_is_404()
    {
        using var client = factory.CreateUserClient(NewUser());
        var id = (await SaveAsync(client, "Temporary")).GetProperty("id").GetString();

        using var first = await client.DeleteAsync($"/api/charts/{id}", Ct);
        using var second = await client.DeleteAsync($"/api/charts/{id}", Ct);
        using var read = await client.GetAsync($"/api/charts/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_saved_chart_is_drawn_as_svg()
    {
        using var client = factory.CreateUserClient(NewUser());
        var id = (await SaveAsync(client, "Wheel")).GetProperty("id").GetString();

        using var response = await client.GetAsync($"/api/charts/{id}/svg", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("svg", XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!.Name.LocalName);
    }

    [Fact]
    public async Task Saved_charts_need_a_user_token()
    {
        using var anonymous = factory.CreateClient();
        using var service = factory.CreateServiceClient();

        using var noToken = await anonymous.GetAsync("/api/charts", Ct);
        using var serviceToken = await service.GetAsync("/api/charts", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, serviceToken.StatusCode);
    }

    [Fact]
    public async Task Internal_endpoints_refuse_user_and_admin_tokens()
    {
        var userId = NewUser();
        using var user = factory.CreateUserClient(userId);
        using var admin = factory.CreateUserClient(NewUser(), "admin");
        using var anonymous = factory.CreateClient();

        using var userDelete = await user.DeleteAsync($"/internal/users/{userId}", Ct);
        using var userExport = await user.GetAsync($"/internal/users/{userId}/export", Ct);
        using var adminExport = await admin.GetAsync($"/internal/users/{userId}/export", Ct);
        using var anonymousExport = await anonymous.GetAsync($"/internal/users/{userId}/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, userDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, userExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminExport.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
    }

    [Fact]
    public async Task A_service_token_with_a_user_audience_is_refused_on_internal_endpoints()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", factory.CreateToken("identity", "service", ChartApiFactory.Audience));

        using var response = await client.GetAsync("/internal/users/anyone/export", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_export_holds_every_chart_of_the_user_decrypted_and_no_one_elses()
    {
        var userId = NewUser();
        using var user = factory.CreateUserClient(userId);
        using var other = factory.CreateUserClient(NewUser());
        using var service = factory.CreateServiceClient();
        var saved = await SaveAsync(user, "Exported");
        await SaveAsync(other, "Not mine");

        using var response = await service.GetAsync($"/internal/users/{userId}/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var charts = (await ReadJson(response)).GetProperty("charts");
        Assert.Equal(1, charts.GetArrayLength());
        Assert.Equal(saved.GetRawText(), charts[0].GetRawText());
    }

    [Fact]
    public async Task The_internal_user_delete_removes_every_chart_and_is_idempotent()
    {
        var userId = NewUser();
        using var user = factory.CreateUserClient(userId);
        using var service = factory.CreateServiceClient();
        var id = (await SaveAsync(user, "One")).GetProperty("id").GetString();
        await SaveAsync(user, "Two");

        using var first = await service.DeleteAsync($"/internal/users/{userId}", Ct);
        using var second = await service.DeleteAsync($"/internal/users/{userId}", Ct);
        var list = await ReadJson(await user.GetAsync("/api/charts", Ct));
        using var read = await user.GetAsync($"/api/charts/{id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(0, list.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }
}
