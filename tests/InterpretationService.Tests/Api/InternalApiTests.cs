using System.Net;

namespace ZodiaCore.InterpretationService.Tests.Api;

public sealed class InternalApiTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    [Fact]
    public async Task The_internal_endpoints_refuse_user_tokens_and_anonymous_callers()
    {
        using var user = factory.CreateUserClient("mia");
        using var admin = factory.CreateUserClient("root", "admin");
        using var anonymous = factory.CreateClient();

        using var userExport = await user.GetAsync("/internal/users/mia/export", ApiJson.Ct);
        using var adminDelete = await admin.DeleteAsync("/internal/users/mia", ApiJson.Ct);
        using var anonymousExport = await anonymous.GetAsync("/internal/users/mia/export", ApiJson.Ct);

        Assert.Equal(HttpStatusCode.Forbidden, userExport.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousExport.StatusCode);
    }

    [Fact]
    public async Task A_service_exports_a_users_interpretations_with_their_text_then_deletes_them_idempotently()
    {
        using var user = factory.CreateUserClient("noah");
        using var service = factory.CreateServiceClient();
        using var created = await user.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), sections = new[] { "planets" } });
        var interpretation = await created.ReadJsonAsync();

        using var export = await service.GetAsync("/internal/users/noah/export", ApiJson.Ct);
        var exported = Assert.Single((await export.ReadJsonAsync()).GetProperty("interpretations").EnumerateArray());
        Assert.Equal(interpretation.Text("id"), exported.Text("id"));
        Assert.Equal(interpretation.GetProperty("sections").GetRawText(), exported.GetProperty("sections").GetRawText());

        using var firstDelete = await service.DeleteAsync("/internal/users/noah", ApiJson.Ct);
        using var secondDelete = await service.DeleteAsync("/internal/users/noah", ApiJson.Ct);
        using var afterDelete = await service.GetAsync("/internal/users/noah/export", ApiJson.Ct);
        using var userView = await user.GetAsync("/api/interpretations/" + interpretation.Text("id"), ApiJson.Ct);

        Assert.Equal(HttpStatusCode.NoContent, firstDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, secondDelete.StatusCode);
        Assert.Equal(0, (await afterDelete.ReadJsonAsync()).GetProperty("interpretations").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, userView.StatusCode);
    }
}
