namespace ArrSdk.Generators.Model;

/// <summary>A response header the spec exposes to the caller.</summary>
internal sealed record ResponseHeaderModel(string WireName, string CSharpName, string? Description);
