using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZodiaCore.FieldEncryption;
using ZodiaCore.InterpretationService.Maintenance;
using ZodiaCore.InterpretationService.Storage.LiteDb;
using ZodiaCore.InterpretationService.Tests.Api;

namespace ZodiaCore.InterpretationService.Tests.Maintenance;

public sealed class ReEncryptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_start_with_the_old_key_in_ENCRYPTION_OLD_KEYS_an_interpretation_is_readable_with_the_new_key_alone()
    {
        var keyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var data = Directory.CreateTempSubdirectory("zodiacore-interpretation-rotation-").FullName;
        try
        {
            string id, sections;
            await using (var underA = Host(data, keyA))
            {
                using var client = underA.CreateUserClient("quinn");
                using var created = await client.InterpretAsync(new { chart = InterpretationApiFactory.InlineChart(), sections = new[] { "overview", "planets" } });
                Assert.Equal(HttpStatusCode.OK, created.StatusCode);
                var body = await created.ReadJsonAsync();
                id = body.Text("id");
                sections = body.GetProperty("sections").GetRawText();
            }

            Assert.Equal([KeyId(keyA)], await StoredKeyIdsAsync(data));

            await using (var rotating = Host(data, keyB, oldKeys: keyA))
            {
                var worker = rotating.Services.GetServices<IHostedService>().OfType<ReEncryptionWorker>().Single();
                await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            }

            await using (var underB = Host(data, keyB))
            {
                using var client = underB.CreateUserClient("quinn");
                using var read = await client.GetAsync("/api/interpretations/" + id, Ct);
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.Equal(sections, (await read.ReadJsonAsync()).GetProperty("sections").GetRawText());
            }

            Assert.Equal([KeyId(keyB)], await StoredKeyIdsAsync(data));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static InterpretationApiFactory Host(string dataDirectory, string key, string? oldKeys = null) => new()
    {
        DataDirectory = dataDirectory,
        EncryptionKey = key,
        OldEncryptionKeys = oldKeys,
        DeleteDataOnDispose = false,
    };

    private static string KeyId(string base64) => EncryptionKey.FromBase64(base64).IdText;

    /// <summary>The key id in each stored ciphertext's header (after the format version byte), read from the file itself.</summary>
    private static async Task<IReadOnlyList<string>> StoredKeyIdsAsync(string dataDirectory)
    {
        using var database = new InterpretationLiteDatabase(Path.Combine(dataDirectory, InterpretationLiteDatabase.FileName));
        var stored = await new LiteDbInterpretationStore(database).ListSectionsAfterAsync(null, 10, Ct);
        return stored.Select(s => Convert.ToHexStringLower(s.Ciphertext.AsSpan(1, EncryptionKey.KeyIdSizeBytes))).ToArray();
    }
}
