using System.Net;
using System.Text;
using ZodiaCore.InterpretationService.Storage.LiteDb;

namespace ZodiaCore.InterpretationService.Tests.Api;

public sealed class EncryptionAtRestTests
{
    [Fact]
    public async Task The_LiteDB_file_holds_no_interpretation_text_in_clear()
    {
        var factory = new InterpretationApiFactory { DeleteDataOnDispose = false };
        List<string> texts;
        try
        {
            using var client = factory.CreateUserClient("olivia");
            using var response = await client.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart() });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts = (await response.ReadJsonAsync()).GetProperty("sections").EnumerateArray()
                .SelectMany(s => s.Text("text").Split("\n\n")).Where(p => p.Length > 40).ToList();
        }
        finally
        {
            await factory.DisposeAsync();
        }

        try
        {
            var files = Directory.GetFiles(factory.DataDirectory, "interpretations*.db");
            Assert.Contains(files, f => Path.GetFileName(f) == InterpretationLiteDatabase.FileName);
            var raw = string.Concat(files.Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
            Assert.Contains("olivia", raw, StringComparison.Ordinal); // the owner id is stored in clear: the file was really read
            Assert.NotEmpty(texts);
            Assert.All(texts, paragraph => Assert.DoesNotContain(paragraph[..40], raw, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
    }
}
