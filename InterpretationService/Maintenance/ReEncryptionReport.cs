namespace ZodiaCore.InterpretationService.Maintenance;

/// <summary>What one re-encryption pass did; counts and a key id only, never content.</summary>
public sealed record ReEncryptionReport(string CurrentKeyId, int Scanned, int Rewritten, int Unreadable);
