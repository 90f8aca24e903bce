namespace ZodiaCore.IdentityService.Passwords;

/// <summary>Configuration section <c>Identity:Passwords</c>.</summary>
public sealed class PasswordHashOptions
{
    public const string SectionName = "Identity:Passwords";

    public int MemoryKiB { get; set; } = Argon2Parameters.OwaspMinimum.MemoryKiB;

    public int Iterations { get; set; } = Argon2Parameters.OwaspMinimum.Iterations;

    public int Parallelism { get; set; } = Argon2Parameters.OwaspMinimum.Parallelism;

    public Argon2Parameters ToParameters() => new(MemoryKiB, Iterations, Parallelism);
}
