namespace ArrSdk.Generators.Model;

/// <summary>A named type declared in a spec file.</summary>
internal sealed record TypeModel(
    string Name,
    TypeKind Kind,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumValueModel> Values);
