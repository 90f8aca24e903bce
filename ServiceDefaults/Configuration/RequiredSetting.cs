namespace ZodiaCore.ServiceDefaults.Configuration;

/// <summary>A setting a service cannot run without, with what it is for and what makes it valid.</summary>
public sealed record RequiredSetting(string Key, string Description, Func<string, bool>? IsValid = null);
