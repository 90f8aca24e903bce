using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZodiaCore.ChartService.Maintenance;
using ZodiaCore.ChartService.Storage.LiteDb;
using ZodiaCore.ChartService.Tests.Apis;
using ZodiaCore.FieldEncryption;
using static ZodiaCore.ChartService.Tests.Apis.ChartRequests;

namespace ZodiaCore.ChartService.Tests.Maintenance;

/// <summary>Key rotation of saved charts across restarts of the real service on one LiteDB data directory.</summary>
public sealed class SavedChartReEncryptionTests
{
    private const string UserId = "user-rotating";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chart_saved_under_a_retired_key_still_reads_back_after_a_start_with_both_keys_and_another_with_the_new_key_alone()
    {
        var keyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var underA = new ChartApiFactory { DeleteDataOnDispose = false, Settings = new Dictionary<string, string> { ["ENCRYPTION_KEY"] = keyA } };
        var dataDirectory = underA.DataDirectory;
        try
        {
            var saved = await SaveAsync(underA);

            await using (var rotating = OnSameData(dataDirectory, keyB, oldKeys: keyA))
            {
                var worker = rotating.Services.GetServices<IHostedService>().OfType<SavedChartReEncryptionWorker>().Single();
                await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            }

            await using (var afterRotation = OnSameData(dataDirectory, keyB, oldKeys: null))
            {
                using var client = afterRotation.CreateUserClient(UserId);
                using var response = await client.GetAsync($"/api/charts/{saved.GetProperty("id").GetString()}", Ct);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var read = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
                Assert.Equal("Grandmother", read.GetProperty("name").GetString());
                Assert.Equal(saved.GetProperty("request").GetRawText(), read.GetProperty("request").GetRawText());
                Assert.Equal(BirthDate, read.GetProperty("request").GetProperty("birth").GetProperty("date").GetString());
            }

            using var database = new ChartLiteDatabase(Path.Combine(dataDirectory, ChartLiteDatabase.FileName));
            var payload = database.BirthCharts.FindById(saved.GetProperty("id").GetString())["payload"].AsBinary;
            Assert.Equal(EncryptionKey.FromBase64(keyB).Id.ToArray(), payload.AsSpan(1, EncryptionKey.KeyIdSizeBytes).ToArray());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Saves the London chart as "Grandmother" and stops the host, which writes the database file.</summary>
    private static async Task<JsonElement> SaveAsync(ChartApiFactory factory)
    {
        await using (factory)
        {
            using var client = factory.CreateUserClient(UserId);
            using var response = await client.PostAsync("/api/charts", Json(Saved("Grandmother")), Ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        }
    }

    private static ChartApiFactory OnSameData(string dataDirectory, string key, string? oldKeys)
    {
        var settings = new Dictionary<string, string>
        {
            ["ZODIACORE_DATA_DIR"] = dataDirectory,
            ["ENCRYPTION_KEY"] = key,
            [SavedChartReEncryptionWorker.DelaySetting] = "00:00:00",
        };
        if (oldKeys is not null)
        {
            settings[EncryptionKeyRing.OldKeysSetting] = oldKeys;
        }

        return new ChartApiFactory { Settings = settings };
    }
}
