using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace ArrSdk.Benchmarks.InstructionCounts;

/// <summary>
/// Calls one benchmark method of this project a given number of times in this process, after its [GlobalSetup] and a
/// warm-up, so that <c>instruction-counts.sh</c> can count it under callgrind. Reusing the benchmark classes means the
/// counted call is exactly the timed one.
/// </summary>
/// <remarks>
/// Only the measured calls are counted: they run inside a callback of libc's <c>bsearch</c>, and the script tells
/// callgrind to collect on that function alone (<c>--collect-atstart=no --toggle-collect=bsearch</c>). So start-up,
/// JIT, set-up, warm-up and the other threads (the runtime's spinning thread pool, the background JIT) are left out,
/// and the count repeats from run to run. The warm-up pauses so that tier-up (call counting, then optimized JIT after a
/// quiet period) has finished before the measured calls, which therefore run the code a long-running process runs.
/// </remarks>
internal static unsafe partial class CallLoop
{
    public const string Command = "--call-loop";
    private const int WarmupCallsPerRound = 500;
    private const int MaxWarmupRounds = 60;

    private const string Usage =
        "usage: ArrSdk.Benchmarks --call-loop <Class.Method> <measured calls>   (e.g. StsCallBenchmarks.ArrSdk 2000)\n" +
        "       ArrSdk.Benchmarks --call-loop --list                             (the cases it knows)";

    public static int Run(string[] args)
    {
        if (args is [_, "--list"])
        {
            foreach (var name in KnownCases())
            {
                Console.WriteLine(name);
            }

            return 0;
        }

        if (args.Length != 3 || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var calls) || calls < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var call = Find(args[1]);
        if (call is null)
        {
            Console.Error.WriteLine($"No benchmark method '{args[1]}'; ArrSdk.Benchmarks --call-loop --list shows the known ones.");
            return 2;
        }

        WarmUp(call);
        s_measured = () => Repeat(call, calls);
        var key = 0;
        var element = 0;
        _ = Bsearch(&key, &element, 1, sizeof(int), &MeasuredCalls);
        return 0;
    }

    private static Action? s_measured;

    /// <summary>
    /// Calls and pauses until the runtime has compiled nothing new for two rounds running, so that tier-up (call
    /// counting, then optimized JIT in the background after a quiet period; slow under callgrind) is over.
    /// </summary>
    private static void WarmUp(Func<Task> call)
    {
        var quietRounds = 0;
        var round = 0;
        for (; round < MaxWarmupRounds && quietRounds < 2; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            Repeat(call, WarmupCallsPerRound);
            Thread.Sleep(TimeSpan.FromMilliseconds(500));
            quietRounds = JitInfo.GetCompiledMethodCount() == compiled ? quietRounds + 1 : 0;
        }

        Console.Error.WriteLine($"warm-up: {round} rounds of {WarmupCallsPerRound} calls, {JitInfo.GetCompiledMethodCount()} methods compiled");
        if (quietRounds < 2)
        {
            Console.Error.WriteLine($"warning: the runtime was still compiling after {MaxWarmupRounds} warm-up rounds; the count may not repeat");
        }
    }

    [LibraryImport("libc", EntryPoint = "bsearch")]
    private static partial void* Bsearch(void* key, void* elements, nuint count, nuint size, delegate* unmanaged<void*, void*, int> compare);

    [UnmanagedCallersOnly]
    private static int MeasuredCalls(void* key, void* element)
    {
        s_measured!();
        return 0;
    }

    /// <summary>Every "Class.Method" this command accepts: the parameterless [Benchmark] methods returning a task.</summary>
    public static IEnumerable<string> KnownCases()
        => from type in BenchmarkTypes()
           from method in BenchmarkMethods(type)
           select $"{type.Name}.{method.Name}";

    private static Func<Task>? Find(string name)
    {
        var type = BenchmarkTypes().FirstOrDefault(t => name.StartsWith(t.Name + ".", StringComparison.Ordinal));
        var method = type is null ? null : BenchmarkMethods(type).FirstOrDefault(m => name == $"{type.Name}.{m.Name}");
        if (type is null || method is null)
        {
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        type.GetMethods().SingleOrDefault(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null)?.Invoke(instance, null);

        // A delegate, not MethodInfo.Invoke, so that no reflection is counted per call.
        return IsValueTaskOfT(method.ReturnType)
            ? WrapValueTask(instance, method)
            : method.CreateDelegate<Func<Task>>(instance);
    }

    private static Func<Task> WrapValueTask(object instance, MethodInfo method)
    {
        var wrap = typeof(CallLoop).GetMethod(nameof(AsTask), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]);
        return (Func<Task>)wrap.Invoke(null, [method.CreateDelegate(typeof(Func<>).MakeGenericType(method.ReturnType), instance)])!;
    }

    // A completed ValueTask is not turned into a Task: that would count an allocation the benchmark does not make.
    private static Func<Task> AsTask<T>(Func<ValueTask<T>> call) => () =>
    {
        var pending = call();
        return pending.IsCompletedSuccessfully ? Task.CompletedTask : pending.AsTask();
    };

    private static void Repeat(Func<Task> call, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var pending = call();
            if (!pending.IsCompletedSuccessfully)
            {
                pending.GetAwaiter().GetResult();
            }
        }
    }

    private static IEnumerable<Type> BenchmarkTypes()
        => typeof(CallLoop).Assembly.GetTypes().Where(t => t.IsPublic && BenchmarkMethods(t).Any()).OrderBy(t => t.Name, StringComparer.Ordinal);

    // Parameterised classes (the generator's specs, the number of callers) have no single case to name; the script
    // counts the per-request classes only.
    private static IEnumerable<MethodInfo> BenchmarkMethods(Type type)
        => type.GetProperties().Any(p => p.GetCustomAttribute<ParamsAttribute>() is not null)
            ? []
            : type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m =>
                m.GetCustomAttribute<BenchmarkAttribute>() is not null
                && m.GetParameters().Length == 0
                && (typeof(Task).IsAssignableFrom(m.ReturnType) || IsValueTaskOfT(m.ReturnType)));

    private static bool IsValueTaskOfT(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>);
}
