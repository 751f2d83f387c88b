namespace ArrSdk.Generators.Model;

/// <summary>A service in a spec file: becomes one Refit interface.</summary>
internal sealed record ServiceModel(
    string Name,
    string InterfaceName,
    string? Description,
    string? BaseUrl,
    EquatableArray<OperationModel> Operations);
