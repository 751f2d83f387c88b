using System.Collections.Immutable;
using System.Text;
using ArrSdk.Generators;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Benchmarks;

/// <summary>
/// The generator's own time for the STS spec, the ARR spec and a synthetic 200-operation spec: cold (a new driver) and
/// after an unrelated C# edit (the same driver again, where every step should come from the cache).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private ImmutableArray<AdditionalText> _specs;
    private GeneratorDriver _warm = null!;

    [Params("sts", "arr", "200 operations")]
    public string Spec { get; set; } = "sts";

    [GlobalSetup]
    public void Setup()
    {
        var text = Spec switch
        {
            "sts" => File.ReadAllText(Path.Combine(RepoRoot(), "specs", "sts.api.json")),
            "arr" => File.ReadAllText(Path.Combine(RepoRoot(), "specs", "arr.api.json")),
            _ => SyntheticSpec(200),
        };
        _specs = [new InMemorySpec("bench.api.json", text)];
        var tree = CSharpSyntaxTree.ParseText("namespace Consumer; public static class Code { public static int Value => 1; }");
        _compilation = CSharpCompilation.Create("Consumer", [tree], Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _edited = _compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("namespace Consumer; public static class Code { public static int Value => 2; } // edited"));
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "cold: new driver, parse and emit")]
    public GeneratorDriver Cold() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "after an unrelated C# edit (cached)")]
    public GeneratorDriver AfterUnrelatedEdit() => _warm.RunGenerators(_edited);

    private CSharpGeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create([new ArrSdkGenerator().AsSourceGenerator()], _specs, new CSharpParseOptions(LanguageVersion.Latest));

    private static string SyntheticSpec(int operations)
    {
        var builder = new StringBuilder("{ \"namespace\": \"Bench\", \"services\": { \"Big\": { \"operations\": {\n");
        for (var i = 0; i < operations; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",\n").Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                "Op{{i}}": { "method": "{{(i % 2 == 0 ? "GET" : "PUT")}}", "path": "/items/{id}/things{{i}}",
                  "parameters": { "id": { "in": "path" }, "filter": { "in": "query" }, "api": { "in": "query", "name": "api-version", "value": "1" }, "cv": { "in": "header", "name": "X-CV" } },
                  {{(i % 2 == 0 ? string.Empty : "\"body\": { \"type\": \"Item" + (i % 20) + "\" },")}}
                  "responses": { "200": { "body": "Item{{i % 20}}", "headers": { "MS-CV": {} } }, "404": {} } }
                """);
        }

        builder.Append("\n} } }, \"types\": {\n");
        for (var t = 0; t < 20; t++)
        {
            builder.Append(t == 0 ? string.Empty : ",\n").Append(System.Globalization.CultureInfo.InvariantCulture, $$"""
                "Item{{t}}": { "properties": { "id": { "type": "string", "required": true }, "count": { "type": "integer" }, "when": { "type": "date-time" }, "tags": { "type": "string[]" }, "state": { "type": "State" } } }
                """);
        }

        builder.Append(",\n\"State\": { \"values\": [\"On\", \"Off\", \"not-sure\"] } } }");
        return builder.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ArrSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    private sealed class InMemorySpec(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
