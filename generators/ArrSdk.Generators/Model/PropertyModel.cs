namespace ArrSdk.Generators.Model;

/// <summary>A property of an object type.</summary>
internal sealed record PropertyModel(
    string CSharpName,
    string WireName,
    TypeReference Type,
    bool IsRequired,
    bool IsNullable,
    string? Description);
