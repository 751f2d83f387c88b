namespace ArrSdk.Generators.Model;

/// <summary>The JSON body an operation sends.</summary>
internal sealed record RequestBodyModel(string CSharpName, TypeReference Type, bool IsRequired, string? Description);
