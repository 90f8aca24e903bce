using System.Net.Http.Headers;
using System.Text.Json;
using ZodiaCore.Tests.Shared;

namespace ZodiaCore.InterpretationService.Tests.Api;

/// <summary>
/// Every field of an interpretation request, for a saved and for an inline chart, as JSON and as an event stream, set to
/// values of the wrong kind, out of range or absurd: each answer is an interpretation or a 4xx problem that says what is
/// wrong, never a server error.
/// </summary>
public sealed class MalformedInputTests(InterpretationApiFactory factory) : IClassFixture<InterpretationApiFactory>
{
    private static readonly string Saved = JsonSerializer.Serialize(new
    {
        chartId = InterpretationApiFactory.AliceChartId, sections = new[] { "overview" }, length = "short", language = "en", provider = "builtin",
    });

    private static readonly string Inline = JsonSerializer.Serialize(new
    {
        chart = InterpretationApiFactory.InlineChart(), sections = new[] { "overview" }, length = "short", language = "en", provider = "builtin",
    });

    public static TheoryData<string, bool> Fields => new()
    {
        { "chartId", false }, { "chart", true }, { "chart.birth", true }, { "chart.location.latitude", true },
        { "sections", false }, { "length", false }, { "language", true }, { "provider", false },
        { "sections", true }, { "provider", true },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Any_odd_value_of_an_interpretation_request_field_is_answered_or_refused_never_a_server_error(string field, bool inline)
    {
        using var alice = factory.CreateUserClient("alice");
        using (var untouched = await alice.PostAsync("/api/interpretations",
            new StringContent(inline ? Inline : Saved, System.Text.Encoding.UTF8, "application/json"), ApiJson.Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, untouched.StatusCode);
        }

        foreach (var stream in new[] { false, true })
        {
            foreach (var value in OddJson.Values)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/interpretations")
                {
                    Content = new StringContent(OddJson.With(inline ? Inline : Saved, field, value), System.Text.Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(stream ? "text/event-stream" : "application/json"));

                using var response = await alice.SendAsync(request, ApiJson.Ct);

                await OddJson.AssertAnsweredOrRefusedAsync(response,
                    $"{(stream ? "an event stream" : "JSON")} for {(inline ? "an inline" : "a saved")} chart with {field} = {OddJson.Describe(value)}");
            }
        }
    }
}
