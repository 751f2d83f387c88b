namespace ArrSdk.Generators.Model;

/// <summary>A type a spec file declares, as other spec files of the project may refer to it.</summary>
internal sealed record DeclaredType(string FilePath, string SpecName, string QualifiedName, bool IsValueType);
