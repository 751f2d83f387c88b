namespace ArrSdk.Generators.Model;

/// <summary>A known value of a string enum.</summary>
internal sealed record EnumValueModel(string CSharpName, string WireValue, string? Description);
