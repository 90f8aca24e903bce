using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ZodiaCore.ChartService.Storage.LiteDb;
using ZodiaCore.ChartService.Tests.Apis;
using ZodiaCore.ChartService.Tests.Charts;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Storage;

public sealed class EncryptionAtRestTests
{
    [Fact]
    public async Task The_raw_LiteDB_file_holds_no_birth_date_place_or_coordinates_of_a_saved_chart()
    {
        var (saved, text) = await SaveAndReadRawFileAsync(new ChartApiFactory { DeleteDataOnDispose = false });

        // What stays in clear is there, so the search below looked at the right bytes.
        Assert.Contains(saved.GetProperty("id").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(saved.GetProperty("contentId").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains("Grandmother", text, StringComparison.Ordinal);

        Assert.DoesNotContain(BirthDate, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlaceName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Latitude, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Longitude, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stored_content_id_cannot_be_recomputed_from_the_birth_data_without_the_key()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var factory = new ChartApiFactory { DeleteDataOnDispose = false, Settings = new Dictionary<string, string> { ["ENCRYPTION_KEY"] = key } };
        var request = RecomputedContentId.Parse(Natal);

        var (saved, text) = await SaveAndReadRawFileAsync(factory);

        var stored = saved.GetProperty("contentId").GetString()!;
        Assert.Equal(RecomputedContentId.WithKey(key, request), stored);
        Assert.Contains(stored, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RecomputedContentId.WithoutKey(request), text, StringComparison.Ordinal);
    }

    /// <summary>Saves the London chart as "Grandmother", stops the host and returns the response and the raw store files as text.</summary>
    private static async Task<(JsonElement Saved, string RawText)> SaveAndReadRawFileAsync(ChartApiFactory factory)
    {
        JsonElement saved;
        try
        {
            using var client = factory.CreateUserClient("user-at-rest");
            using var response = await client.PostAsync("/api/charts", Json(Saved("Grandmother")), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            saved = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        }
        finally
        {
            // Stopping the host disposes the database, which writes everything into the file.
            await factory.DisposeAsync();
        }

        try
        {
            Assert.True(File.Exists(Path.Combine(factory.DataDirectory, ChartLiteDatabase.FileName)));
            var raw = Directory.GetFiles(factory.DataDirectory, "charts*.db")
                .Select(File.ReadAllBytes).Aggregate(Array.Empty<byte>(), (all, file) => [.. all, .. file]);
            return (saved, Encoding.UTF8.GetString(raw));
        }
        finally
        {
            Directory.Delete(factory.DataDirectory, recursive: true);
        }
    }
}
