using System.Globalization;
using System.Runtime;

namespace ArrSdk.TokenMemory;

/// <summary>
/// The process's memory right after a full, blocking, compacting collection, so that only what is still referenced
/// is on the managed heap and garbage from the step before does not count.
/// </summary>
/// <param name="WorkingSet"><see cref="Environment.WorkingSet"/> (on Linux the resident set).</param>
/// <param name="ManagedLive"><see cref="GC.GetTotalMemory(bool)"/> after the collection: bytes of live objects.</param>
/// <param name="HeapSize">The GC heap after the collection (<see cref="GCMemoryInfo.HeapSizeBytes"/>), fragmentation included.</param>
/// <param name="Committed">Memory the GC has committed (<see cref="GCMemoryInfo.TotalCommittedBytes"/>), free space it keeps included.</param>
/// <param name="RssAnonymous">RssAnon from /proc/self/status: resident memory that is not a mapped file, i.e. private to this process.</param>
/// <param name="PeakRss">VmHWM from /proc/self/status: the largest resident set so far.</param>
internal readonly record struct MemorySnapshot(long WorkingSet, long ManagedLive, long HeapSize, long Committed, long RssAnonymous, long PeakRss)
{
    public static MemorySnapshot Take()
    {
        // Twice, with finalizers in between, so objects that finalizers release are gone too; compact the large object
        // heap as well, since the registry's bucket array lives there once it has grown past 85 KB.
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var live = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var status = ReadProcStatus();
        return new MemorySnapshot(
            Environment.WorkingSet,
            live,
            info.HeapSizeBytes,
            info.TotalCommittedBytes,
            status.GetValueOrDefault("RssAnon", -1),
            status.GetValueOrDefault("VmHWM", -1));
    }

    public static MemorySnapshot operator -(MemorySnapshot after, MemorySnapshot before) => new(
        after.WorkingSet - before.WorkingSet,
        after.ManagedLive - before.ManagedLive,
        after.HeapSize - before.HeapSize,
        after.Committed - before.Committed,
        after.RssAnonymous - before.RssAnonymous,
        after.PeakRss - before.PeakRss);

    // Lines such as "RssAnon:	   12345 kB"; absent on systems without procfs, where the figures read -1.
    private static Dictionary<string, long> ReadProcStatus()
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var parts = line[(colon + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (colon > 0 && parts is [var number, "kB"] && long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
            {
                values[line[..colon]] = kilobytes * 1024;
            }
        }

        return values;
    }
}
