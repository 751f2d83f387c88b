using System.Collections.Generic;
using ArrSdk.Generators.Json;
using ArrSdk.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Parsing;

/// <summary>The spec file being parsed and the diagnostics found so far.</summary>
internal sealed class SpecParseContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public SpecParseContext(string filePath, SourceText text)
    {
        FilePath = filePath;
        Text = text;
    }

    public string FilePath { get; }

    public SourceText Text { get; }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    public int ErrorCount => _diagnostics.Count;

    /// <summary>Errors that make the enclosing element impossible to generate; others (an unknown or repeated key) are
    /// reported but the element is still generated, so one typo does not cascade into C# errors elsewhere.</summary>
    public int FatalErrorCount { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
    {
        FatalErrorCount++;
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.Create(FilePath, Text, span), args));
    }

    public void ReportNonFatal(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.Create(FilePath, Text, span), args));

    public static string Describe(JsonNode node) => node.Kind switch
    {
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Boolean => "a boolean",
        _ => "null",
    };
}
