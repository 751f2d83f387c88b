using System.Globalization;
using System.Text;
using ArrSdk.Generators.Emitting;
using ArrSdk.Generators.Model;
using ArrSdk.Generators.Parsing;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// Thousands of deterministic mutants of real and hand-written specs: whatever the text, the generator never throws,
/// never reports its own failure (ARR1099), and puts every diagnostic inside the spec file. A failure message names the
/// seed, so a mutant can be reproduced with <c>new SpecMutator(seed).Mutate(seedSpec)</c>.
/// </summary>
public sealed class SpecParserFuzzTests
{
    private const int ParserMutants = 12_000;
    private const int DriverMutants = 300;
    private const int CompiledMutants = 40;

    private static readonly (string Path, string Text)[] SeedSpecs =
    [
        ("/repo/specs/sts.api.json", GeneratorHarness.ReadSpec("sts.api.json")),
        ("/repo/specs/features.api.json", ReadTestSpec("features.api.json")),
        ("/repo/specs/enums.api.json", ReadTestSpec("enums.api.json")),
        ("/repo/specs/minimal.api.json", ReadTestSpec("minimal.api.json")),
    ];

    [Fact]
    public void The_seed_specs_are_valid_so_mutants_start_from_working_specs()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(SeedSpecs, withPeers: true);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Parsing_and_emitting_mutated_specs_never_throws_and_locates_every_diagnostic_in_the_spec()
    {
        var failures = new List<string>();
        var validJson = 0;
        for (var seed = 0; seed < ParserMutants; seed++)
        {
            var (path, original) = SeedSpecs[seed % SeedSpecs.Length];
            var text = new SpecMutator(seed).Mutate(original);
            try
            {
                var source = SourceText.From(text);
                var result = SpecParser.Parse(path, source, CancellationToken.None);
                validJson += result.Diagnostics.Any(d => d.Descriptor.Id == "ARR1001") ? 0 : 1;
                failures.AddRange(CheckDiagnostics(result.Diagnostics.Select(d => d.ToDiagnostic()), path, source).Select(f => Describe(seed, f, text)));
                if (result.Spec is not null)
                {
                    EmitAll(result.Spec);
                }
            }
            catch (Exception exception)
            {
                failures.Add(Describe(seed, exception.ToString(), text));
            }

            if (failures.Count >= 5)
            {
                break;
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        // Mutants must get past the JSON reader often enough to exercise the spec parser and the emitters too.
        Assert.True(validJson > ParserMutants / 6, $"only {validJson} of {ParserMutants} mutants were valid JSON");
    }

    [Fact]
    public void Mutated_specs_through_the_generator_driver_never_fail_the_generator()
    {
        var failures = new List<string>();
        var reportedErrors = 0;
        for (var seed = 0; seed < DriverMutants; seed++)
        {
            // Seeds the parser test does not use, so this sample adds new mutants.
            var mutantSeed = 1_000_000 + seed;
            var (path, original) = SeedSpecs[seed % SeedSpecs.Length];
            var text = new SpecMutator(mutantSeed).Mutate(original);
            var driver = GeneratorHarness.CreateDriver(withPeers: false, trackSteps: false)
                .AddAdditionalTexts([new InMemoryAdditionalText(path, text)])
                .RunGenerators(GeneratorHarness.CreateCompilation());
            var result = driver.GetRunResult().Results.Single();
            if (result.Exception is not null)
            {
                failures.Add(Describe(mutantSeed, result.Exception.ToString(), text));
            }

            reportedErrors += result.Diagnostics.Length;
            failures.AddRange(CheckDiagnostics(result.Diagnostics, path, SourceText.From(text)).Select(f => Describe(mutantSeed, f, text)));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));

        // Most mutants are broken, so a sample that reports nothing means the specs never reached the generator.
        Assert.True(reportedErrors > DriverMutants / 2, $"only {reportedErrors} diagnostics for {DriverMutants} mutants");
    }

    [Fact]
    public void Mutants_the_generator_accepts_without_a_diagnostic_compile_beside_refit_and_system_text_json()
    {
        var failures = new List<string>();
        var compiled = 0;
        for (var seed = 2_000_000; compiled < CompiledMutants; seed++)
        {
            var (path, original) = SeedSpecs[seed % SeedSpecs.Length];
            var text = new SpecMutator(seed).Mutate(original);
            var parsed = SpecParser.Parse(path, SourceText.From(text), CancellationToken.None);
            if (parsed.Diagnostics.Count > 0 || parsed.Spec is null)
            {
                continue;
            }

            compiled++;
            var (_, output, generatorDiagnostics) = GeneratorHarness.Run([(path, text)], withPeers: true);
            var problems = output.GetDiagnostics().Concat(generatorDiagnostics).Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(3).ToList();
            if (problems.Count > 0)
            {
                failures.Add(Describe(seed, string.Join("\n", problems), text));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>What is wrong with a set of diagnostics for a spec file, one line per problem.</summary>
    private static IEnumerable<string> CheckDiagnostics(IEnumerable<Diagnostic> diagnostics, string path, SourceText text)
    {
        foreach (var diagnostic in diagnostics)
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (!diagnostic.Id.StartsWith("ARR", StringComparison.Ordinal) || diagnostic.Id == "ARR1099")
            {
                yield return $"{diagnostic.Id}: {message}";
            }

            var location = diagnostic.Location;
            var lineSpan = location.GetLineSpan();
            if (location.Kind != LocationKind.ExternalFile || lineSpan.Path != path)
            {
                yield return $"{diagnostic.Id} is located at {location.Kind} '{lineSpan.Path}', not in the spec: {message}";
            }
            else if (location.SourceSpan.End > text.Length)
            {
                yield return $"{diagnostic.Id} has span {location.SourceSpan} beyond the text length {text.Length}: {message}";
            }
            else if (lineSpan.Span != text.Lines.GetLinePositionSpan(location.SourceSpan))
            {
                yield return $"{diagnostic.Id} has line span {lineSpan.Span} that does not match its span {location.SourceSpan}: {message}";
            }
        }
    }

    private static void EmitAll(SpecModel spec)
    {
        foreach (var service in spec.Services)
        {
            _ = ServiceEmitter.Emit(spec, service);
        }

        var readOnlyTypes = ReadOnlyTypes.Of(spec);
        foreach (var type in spec.Types)
        {
            _ = TypeEmitter.Emit(spec, type, readOnlyTypes.Contains(type.Name));
        }

        _ = JsonContextEmitter.Emit(spec);
    }

    private static string Describe(int seed, string problem, string text)
        => $"seed {seed}: {problem}\nmutant (escaped, first 400 chars): {Escape(text.Length > 400 ? text[..400] : text)}";

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    private static string ReadTestSpec(string fileName) => File.ReadAllText(TestPaths.InOutput("Specs", fileName));
}
