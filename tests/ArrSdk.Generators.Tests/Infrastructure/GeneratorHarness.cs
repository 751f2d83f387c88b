using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, optionally beside Refit's and System.Text.Json's generators.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> PeerGenerators = new(LoadPeerGenerators);

    public static ImmutableArray<MetadataReference> References { get; } =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Refit.GetAttribute).Assembly.Location),
    ];

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(bool withPeers, bool trackSteps = true)
    {
        var generators = new List<ISourceGenerator> { new ArrSdkGenerator().AsSourceGenerator() };
        if (withPeers)
        {
            generators.AddRange(PeerGenerators.Value);
        }

        return CSharpGeneratorDriver.Create(
            generators,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    public static (GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(
        IEnumerable<(string Path, string Text)> specs, bool withPeers, params string[] sources)
    {
        var driver = CreateDriver(withPeers).AddAdditionalTexts([.. specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))]);
        driver = driver.RunGeneratorsAndUpdateCompilation(CreateCompilation(sources), out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    public static string ReadSpec(string fileName) => File.ReadAllText(Path.Combine(TestPaths.Specs, fileName));

    private static ImmutableArray<ISourceGenerator> LoadPeerGenerators()
    {
        var folder = TestPaths.InOutput("peer-generators");
        var generators = new List<ISourceGenerator>();
        foreach (var file in Directory.GetFiles(folder, "*.dll"))
        {
            var assembly = Assembly.LoadFrom(file);
            foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null))
            {
                var instance = Activator.CreateInstance(type);
                generators.Add(instance switch
                {
                    IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                    ISourceGenerator classic => classic,
                    _ => throw new InvalidOperationException($"{type} is not a generator."),
                });
            }
        }

        if (generators.Count < 2)
        {
            throw new InvalidOperationException($"Expected Refit's and System.Text.Json's generators in {folder}; found {generators.Count}.");
        }

        return [.. generators];
    }
}
