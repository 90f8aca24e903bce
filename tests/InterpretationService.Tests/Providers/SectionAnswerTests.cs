using ZodiaCore.InterpretationService.Interpretations;
using ZodiaCore.InterpretationService.Prompting;
using ZodiaCore.InterpretationService.Providers;

namespace ZodiaCore.InterpretationService.Tests.Providers;

public sealed class SectionAnswerTests
{
    private static readonly IReadOnlyList<SectionKey> Asked = [SectionKey.Overview, SectionKey.Aspects];

    [Fact]
    public void Answer_in_a_code_fence_is_read_and_put_in_the_requested_order()
    {
        const string answer = """
            ```json
            {"sections":[{"key":"aspects","title":"Aspects","text":"Sun trine Saturn."},{"key":"overview","title":"","text":" A chart. "}]}
            ```
            """;

        var result = SectionAnswer.Parse(answer, Asked);

        Assert.Equal(["overview", "aspects"], result.Sections!.Select(s => s.Key));
        Assert.Equal(("Overview", "A chart."), (result.Sections![0].Title, result.Sections[0].Text));
    }

    [Theory]
    [InlineData("", FailureReasons.EmptyAnswer)]
    [InlineData("I cannot help with that.", FailureReasons.MalformedAnswer)]
    [InlineData("{\"sections\": [", FailureReasons.MalformedAnswer)]
    [InlineData("{\"reading\": []}", FailureReasons.MalformedAnswer)]
    [InlineData("{\"sections\": []}", FailureReasons.EmptyAnswer)]
    [InlineData("{\"sections\": [{\"key\":\"overview\",\"title\":\"O\",\"text\":\"   \"},{\"key\":\"aspects\",\"title\":\"A\",\"text\":\"x\"}]}", FailureReasons.MissingSections)]
    [InlineData("{\"sections\": [{\"key\":\"overview\",\"title\":\"O\",\"text\":\"x\"}]}", FailureReasons.MissingSections)]
    public void Unusable_answer_is_rejected_with_its_reason(string answer, string reason)
    {
        var result = SectionAnswer.Parse(answer, Asked);

        Assert.False(result.IsSuccess);
        Assert.Equal(reason, result.FailureReason);
    }
}
