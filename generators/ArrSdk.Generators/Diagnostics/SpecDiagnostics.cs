using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable and documented in specs/README.md; messages say what is
/// wrong and how to fix it.
/// </summary>
internal static class SpecDiagnostics
{
    private const string Category = "ArrSdk.Spec";

    public static readonly DiagnosticDescriptor SyntaxError = Error(
        "ARR1001", "Spec file is not valid JSON", "{0}");

    public static readonly DiagnosticDescriptor UnknownKey = Error(
        "ARR1002", "Unknown key in spec", "Unknown key '{0}' in {1}{2}");

    public static readonly DiagnosticDescriptor WrongValueType = Error(
        "ARR1003", "Spec value has the wrong type", "'{0}' must be {1}, but it is {2}");

    public static readonly DiagnosticDescriptor MissingKey = Error(
        "ARR1004", "Required key missing in spec", "{0} needs the key '{1}': {2}");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "ARR1005", "Unknown type in spec", "Unknown type '{0}': use a built-in type ({1}) or a type declared under 'types'");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "ARR1006", "Duplicate name in spec", "{0} '{1}' is declared more than once{2}");

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = Error(
        "ARR1007", "Path placeholder has no parameter", "The path placeholder '{{{0}}}' has no parameter: add a parameter '{0}' with \"in\": \"path\"");

    public static readonly DiagnosticDescriptor PathParameterNotInPath = Error(
        "ARR1008", "Path parameter is not in the path", "The path parameter '{0}' does not appear in the path '{1}': add '{{{0}}}' to the path or change \"in\"");

    public static readonly DiagnosticDescriptor InvalidValue = Error(
        "ARR1009", "Invalid value in spec", "Invalid {0} '{1}': {2}");

    public static readonly DiagnosticDescriptor ConflictingSignature = Error(
        "ARR1010", "Operations would have the same C# signature", "Operation '{0}' would get the same C# signature as '{1}': rename one of them");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "ARR1099", "The spec generator failed", "The ArrSdk generator failed on this spec: {0}. Please report this with the spec file.");

    private static DiagnosticDescriptor Error(string id, string title, string format)
        => new(id, title, format, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: "specs/README.md#diagnostics");
}
