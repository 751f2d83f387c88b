namespace ArrSdk.Generators.Model;

/// <summary>A resolved C# type for a spec type name, fully qualified so generated code cannot be captured by user names.</summary>
internal sealed record TypeReference(string CSharpName, bool IsValueType)
{
    /// <summary>The type as written for an optional or nullable value.</summary>
    public string NullableName => CSharpName + "?";
}
