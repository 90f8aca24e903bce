using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ZodiaCore.IdentityService.Tests.Api;

public sealed class EncryptionAtRestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_raw_LiteDB_file_holds_no_plaintext_email_or_birth_data()
    {
        var factory = new IdentityApiFactory { DeleteDataOnDispose = false };
        var dataDirectory = factory.DataDirectory;
        try
        {
            using var client = factory.CreateClient();
            await factory.RegisterAsync(client, "olivia.secret@example.com");
            var login = await (await factory.LoginAsync(client, "olivia.secret@example.com")).Content.ReadFromJsonAsync<JsonElement>(Ct);
            using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/users/me")
            {
                Content = JsonContent.Create(new
                {
                    birth = new { date = "1987-11-23", time = "04:17", timeZone = "Atlantic/Reykjavik" },
                    location = new { latitude = 64.1466, longitude = -21.9426, name = "Hafnarfjordurtown" },
                }),
            };
            patch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
            var patched = await client.SendAsync(patch, Ct);
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
            var me = await patched.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("1987-11-23", me.GetProperty("birth").GetProperty("date").GetString());

            // Stop the host so LiteDB flushes its log into the data file and releases it.
            await factory.DisposeAsync();
            var raw = ReadAllStoreBytes(dataDirectory);

            foreach (var secret in new[] { "olivia.secret", "example.com", "1987-11-23", "04:17", "Reykjavik", "Hafnarfjordurtown", "64.1466" })
            {
                Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
                Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
            }

            Assert.NotEqual(-1, raw.AsSpan().IndexOf("Test User"u8)); // the check can see plaintext when there is some
        }
        finally
        {
            await factory.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static byte[] ReadAllStoreBytes(string dataDirectory)
    {
        // identity.db and, if present, its identity-log.db hold every byte written. LiteDB may still be merging the
        // log into the data file and deleting it as the host goes: then read both again, once the log has gone.
        for (var attempt = 1; ; attempt++)
        {
            var files = Directory.GetFiles(dataDirectory, "identity*.db");
            Assert.NotEmpty(files);
            try
            {
                return files.SelectMany(File.ReadAllBytes).ToArray();
            }
            catch (FileNotFoundException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }
}
