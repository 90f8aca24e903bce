using Microsoft.Extensions.Options;
using ZodiaCore.IdentityService.Passwords;

namespace ZodiaCore.IdentityService.Tests.Passwords;

public class PasswordHasherTests
{
    private static PasswordHasher Hasher(int memoryKiB = 19456, int iterations = 2) =>
        new(Options.Create(new PasswordHashOptions { MemoryKiB = memoryKiB, Iterations = iterations, Parallelism = 1 }));

    [Fact]
    public void A_hash_records_argon2id_and_the_OWASP_parameters()
    {
        var hash = Hasher().Hash("correct horse battery staple");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.TryReadHash(hash, out var parameters, out var salt, out var digest));
        Assert.Equal(new Argon2Parameters(19456, 2, 1), parameters);
        Assert.Equal(16, salt.Length);
        Assert.Equal(32, digest.Length);
    }

    [Fact]
    public void A_hash_from_the_reference_argon2_implementation_verifies()
    {
        // Produced by the reference CLI (Debian package argon2):
        // echo -n "correct horse battery staple" | argon2 zodiacore-salt16 -id -t 2 -k 19456 -p 1 -l 32 -e
        const string reference = "$argon2id$v=19$m=19456,t=2,p=1$em9kaWFjb3JlLXNhbHQxNg$wopJmTvGfUFeegi4hmFJ6ISRj/6hcHnD5uM9SVdF+cU";

        Assert.Equal(PasswordVerification.Succeeded, Hasher().Verify("correct horse battery staple", reference));
        Assert.Equal(PasswordVerification.Failed, Hasher().Verify("correct horse battery stapler", reference));
    }

    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_does_not()
    {
        var hasher = Hasher();
        var hash = hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Succeeded, hasher.Verify("correct horse battery staple", hash));
        Assert.Equal(PasswordVerification.Failed, hasher.Verify("Correct horse battery staple", hash));
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time()
    {
        var hasher = Hasher();

        Assert.NotEqual(hasher.Hash("correct horse battery staple"), hasher.Hash("correct horse battery staple"));
    }

    [Fact]
    public void A_hash_made_with_weaker_parameters_verifies_and_asks_for_a_rehash()
    {
        var old = Hasher().Hash("correct horse battery staple");
        var raised = Hasher(memoryKiB: 24576, iterations: 3);

        Assert.Equal(PasswordVerification.SucceededRehashNeeded, raised.Verify("correct horse battery staple", old));
        Assert.Equal(PasswordVerification.Succeeded, raised.Verify("correct horse battery staple", raised.Hash("correct horse battery staple")));
    }

    [Fact]
    public void Parameters_below_the_OWASP_minimum_are_refused_at_start()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Hasher(memoryKiB: 8192));

        Assert.Contains("Identity:Passwords", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$2b$10$abcdefghijklmnopqrstuv")]
    [InlineData("$argon2id$v=19$m=19456,t=2$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1,x=3$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    public void A_malformed_stored_hash_never_verifies(string stored)
    {
        Assert.Equal(PasswordVerification.Failed, Hasher().Verify("anything at all", stored));
    }

    [Fact]
    public void The_dummy_verification_always_fails()
    {
        Assert.Equal(PasswordVerification.Failed, Hasher().VerifyAgainstDummy("correct horse battery staple"));
    }
}
