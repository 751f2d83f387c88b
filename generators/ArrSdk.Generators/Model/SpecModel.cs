namespace ArrSdk.Generators.Model;

/// <summary>Everything one spec file asks to generate.</summary>
internal sealed record SpecModel(
    string SourceName,
    string Namespace,
    string JsonContextName,
    EquatableArray<ServiceModel> Services,
    EquatableArray<TypeModel> Types);
