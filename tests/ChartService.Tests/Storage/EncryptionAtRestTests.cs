using System.Net;
using System.Text;
using System.Text.Json;
using ZodiaCore.ChartService.Storage.LiteDb;
using ZodiaCore.ChartService.Tests.Apis;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Storage;

public sealed class EncryptionAtRestTests
{
    [Fact]
    public async Task The_raw_LiteDB_file_holds_no_birth_date_place_or_coordinates_of_a_saved_chart()
    {
        var factory = new ChartApiFactory { DeleteDataOnDispose = false };
        string id;
        string contentId;
        try
        {
            using var client = factory.CreateUserClient("user-at-rest");
            using var response = await client.PostAsync("/api/charts", Json(Saved("Grandmother")), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            id = saved.GetProperty("id").GetString()!;
            contentId = saved.GetProperty("contentId").GetString()!;
        }
        finally
        {
            // Stopping the host disposes the database, which writes everything into the file.
            await factory.DisposeAsync();
        }

        try
        {
            var raw = Directory.GetFiles(factory.DataDirectory, "charts*.db")
                .Select(File.ReadAllBytes).Aggregate(Array.Empty<byte>(), (all, file) => [.. all, .. file]);
            var text = Encoding.UTF8.GetString(raw);

            // What stays in clear is there, so the search below looked at the right bytes.
            Assert.Contains(id, text, StringComparison.Ordinal);
            Assert.Contains(contentId, text, StringComparison.Ordinal);
            Assert.Contains("Grandmother", text, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, ChartLiteDatabase.FileName)));

            Assert.DoesNotContain(BirthDate, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PlaceName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Latitude, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Longitude, text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
    }
}
