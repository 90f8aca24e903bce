using System.Diagnostics;

namespace ZodiaCore.ServiceDefaults.Health;

/// <summary>Memory and CPU of this process, as operators read them in /health.</summary>
public sealed record SystemSnapshot(long MemoryUsedBytes, long MemoryTotalBytes, double MemoryPercentage, double CpuPercentage, int ProcessorCount)
{
    private static readonly Lock Gate = new();
    private static TimeSpan lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private static long lastTimestamp = Stopwatch.GetTimestamp();
    private static double lastCpuPercentage;

    /// <summary>The memory limit the runtime sees: the container's cgroup limit, else physical memory.</summary>
    public static long MemoryLimitBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    public static SystemSnapshot Capture()
    {
        using var process = Process.GetCurrentProcess();
        var used = process.WorkingSet64;
        var total = MemoryLimitBytes;
        return new SystemSnapshot(used, total, total > 0 ? Math.Round(100.0 * used / total, 2) : 0,
            SampleCpu(process.TotalProcessorTime), Environment.ProcessorCount);
    }

    // CPU share since the previous sample; samples closer than 250 ms reuse the last figure to stay meaningful.
    private static double SampleCpu(TimeSpan cpu)
    {
        lock (Gate)
        {
            var now = Stopwatch.GetTimestamp();
            var elapsed = Stopwatch.GetElapsedTime(lastTimestamp, now);
            if (elapsed < TimeSpan.FromMilliseconds(250))
            {
                return lastCpuPercentage;
            }

            var share = (cpu - lastCpu).TotalMilliseconds / (elapsed.TotalMilliseconds * Environment.ProcessorCount);
            lastCpu = cpu;
            lastTimestamp = now;
            lastCpuPercentage = Math.Round(Math.Clamp(share, 0, 1) * 100, 2);
            return lastCpuPercentage;
        }
    }
}
