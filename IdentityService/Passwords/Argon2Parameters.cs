namespace ZodiaCore.IdentityService.Passwords;

/// <summary>Argon2id cost parameters, stored inside every hash so they can be raised later.</summary>
public sealed record Argon2Parameters(int MemoryKiB, int Iterations, int Parallelism)
{
    /// <summary>OWASP's minimum for Argon2id: 19 MiB, 2 iterations, parallelism 1.</summary>
    public static Argon2Parameters OwaspMinimum { get; } = new(19 * 1024, 2, 1);

    /// <summary>True when every parameter is at least the corresponding one in <paramref name="other"/>.</summary>
    public bool IsAtLeast(Argon2Parameters other) =>
        MemoryKiB >= other.MemoryKiB && Iterations >= other.Iterations && Parallelism >= other.Parallelism;
}
