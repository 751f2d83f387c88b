// Times ArrSdk.Generators through Roslyn's GeneratorDriver, the way the compiler runs it, in three situations:
//   first  - the first run of our generator in this process, so its code is JIT-compiled, as in a compiler process with
//            no server; with --compare, Roslyn's own code is warmed first by a stand-in generator that adds the same
//            sources from the same phase, so that the figure is ours and not the JIT of Roslyn's parser or driver;
//   fresh  - a new driver on warm code, nothing cached: the first build of a project in a running compiler server;
//   cached - a driver that ran before, after an edit to Program.cs, spec files unchanged: an incremental build in a
//            warm compiler server (new AdditionalText objects for the same files), or in an IDE (the same objects).
// For each it prints the stopwatch around RunGeneratorsAndUpdateCompilation, the driver's own total and the time the
// driver attributes to our generator (what -p:ReportAnalyzer=true prints), so one can see what that figure covers.
// With --compare DIR it also checks that DIR (obj/generated/.../ArrSdkGenerator) holds exactly the generated sources.
using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

string? generatorPath = null, sourcePath = null, compareDir = null;
var specs = new List<string>();
var references = new List<string>();
var runs = 10;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--generator": generatorPath = args[++i]; break;
        case "--spec": specs.Add(Path.GetFullPath(args[++i])); break;
        case "--source": sourcePath = args[++i]; break;
        case "--reference": references.Add(args[++i]); break;
        case "--compare": compareDir = args[++i]; break;
        case "--runs": runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

if (generatorPath is null || sourcePath is null || specs.Count == 0)
{
    Console.Error.WriteLine("usage: GeneratorTiming --generator DLL --spec FILE... --source Program.cs [--reference DLL]... [--compare DIR] [--runs N]");
    return 2;
}

var generatorAssembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(generatorPath));
var generators = generatorAssembly.GetTypes()
    .Where(static t => t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
    .Select(static t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
    .ToImmutableArray();
if (generators.Length != 1)
{
    Console.Error.WriteLine($"expected one incremental generator in {generatorPath}, found {generators.Length}");
    return 1;
}

var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
var metadata = platform.Concat(references).Select(static path => MetadataReference.CreateFromFile(path)).ToList();
var programTree = CSharpSyntaxTree.ParseText(File.ReadAllText(sourcePath), parseOptions, sourcePath);
var compilation = CSharpCompilation.Create(
    "Consumer",
    [programTree],
    metadata,
    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
ImmutableArray<AdditionalText> texts = [.. specs.Select(static path => (AdditionalText)new SpecFile(path))];

GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(generators, texts, parseOptions);

(double Stopwatch, double Driver, double Generator, GeneratorDriver Driven) Run(GeneratorDriver driver, Compilation input)
{
    var watch = Stopwatch.StartNew();
    driver = driver.RunGeneratorsAndUpdateCompilation(input, out _, out var diagnostics);
    watch.Stop();
    var errors = diagnostics.Concat(driver.GetRunResult().Diagnostics).Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0)
    {
        throw new InvalidOperationException("generator reported errors: " + string.Join("; ", errors));
    }

    var timing = driver.GetTimingInfo();
    return (watch.Elapsed.TotalMilliseconds, timing.ElapsedTime.TotalMilliseconds, timing.GeneratorTimes.Single().ElapsedTime.TotalMilliseconds, driver);
}

static string Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    return median.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}

void Report(string name, IReadOnlyList<(double Stopwatch, double Driver, double Generator, GeneratorDriver _)> results)
    => Console.WriteLine($"{name} runs={results.Count} stopwatch_ms={Median(results.Select(static r => r.Stopwatch))} driver_ms={Median(results.Select(static r => r.Driver))} generator_ms={Median(results.Select(static r => r.Generator))}");

if (compareDir is not null)
{
    var standIn = new StandInGenerator(Directory.GetFiles(compareDir, "*.cs").Select(static f => (Path.GetFileName(f), File.ReadAllText(f))).ToList());
    var warmed = Run(CSharpGeneratorDriver.Create([standIn.AsSourceGenerator()], texts, parseOptions), compilation);
    Console.WriteLine($"warm-up stand-in stopwatch_ms={warmed.Stopwatch.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
}

var first = Run(NewDriver(), compilation);
Report("first", [first]);

var fresh = Enumerable.Range(0, runs).Select(_ => Run(NewDriver(), compilation)).ToList();
Report("fresh", fresh);

// An edit of Program.cs on a driver that ran before. The compiler server keeps a project's driver between builds but
// hands it new AdditionalText objects for the same files (ReplaceAdditionalTexts), so the step that reads each spec's
// text runs again and the caching stops at the equal (path, text) pairs; an IDE keeps the same objects, so nothing runs.
List<(double, double, double, GeneratorDriver)> Cached(bool newSpecObjects)
{
    var driver = Run(NewDriver(), compilation).Driven;
    var results = new List<(double, double, double, GeneratorDriver)>();
    for (var i = 0; i < runs; i++)
    {
        var edited = programTree.WithChangedText(programTree.GetText().WithChanges(new TextChange(new TextSpan(programTree.Length, 0), $"\n// edit {i}\n")));
        if (newSpecObjects)
        {
            driver = driver.ReplaceAdditionalTexts([.. specs.Select(static path => (AdditionalText)new SpecFile(path))]);
        }

        var result = Run(driver, compilation.ReplaceSyntaxTree(programTree, edited));
        driver = result.Driven;
        results.Add(result);
    }

    return results;
}

Report("cached-server", Cached(newSpecObjects: true));
Report("cached-same-texts", Cached(newSpecObjects: false));

var generated = first.Driven.GetRunResult().Results.Single().GeneratedSources;
Console.WriteLine($"sources count={generated.Length} chars={generated.Sum(static s => s.SourceText.Length)}");
if (compareDir is not null)
{
    var onDisk = Directory.GetFiles(compareDir, "*.cs").ToDictionary(static f => Path.GetFileName(f), StringComparer.Ordinal);
    var differing = generated.Where(s => !onDisk.TryGetValue(s.HintName, out var file) || File.ReadAllText(file) != s.SourceText.ToString()).Select(static s => s.HintName).ToList();
    var extra = onDisk.Keys.Except(generated.Select(static s => s.HintName), StringComparer.Ordinal).ToList();
    Console.WriteLine($"compare driver={generated.Length} disk={onDisk.Count} differing={differing.Count} extra={extra.Count}");
    foreach (var name in differing.Concat(extra))
    {
        Console.WriteLine($"  mismatch: {name}");
    }

    return differing.Count + extra.Count == 0 ? 0 : 1;
}

return 0;

/// <summary>A spec file as the compiler hands it to generators: read once, on first use.</summary>
internal sealed class SpecFile(string path) : AdditionalText
{
    private SourceText? _text;

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default)
        => _text ??= SourceText.From(File.ReadAllText(Path), System.Text.Encoding.UTF8);
}

/// <summary>Adds given sources from the pre-compilation phase: warms Roslyn's driver and parser up for the same work.</summary>
internal sealed class StandInGenerator(IReadOnlyList<(string Name, string Text)> sources) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
        => context.RegisterPreCompilationSourceOutput(context.AdditionalTextsProvider.Collect(), (production, _) =>
        {
            foreach (var (name, text) in sources)
            {
                production.AddSource("StandIn." + name, text);
            }
        });
}
