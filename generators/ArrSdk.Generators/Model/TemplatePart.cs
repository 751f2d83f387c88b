namespace ArrSdk.Generators.Model;

/// <summary>A piece of a value template such as <c>Bearer {accountId}:{accountKey}</c>: literal text or a parameter.</summary>
internal sealed record TemplatePart(string? Literal, string? ParameterCSharpName);
