namespace ArrSdk.Generators.Model;

/// <summary>
/// One operation parameter. <see cref="ConstantValue"/> makes it a fixed value that is not a C# parameter;
/// <see cref="Template"/> makes its value a composition of other parameters.
/// </summary>
internal sealed record ParameterModel(
    string CSharpName,
    string WireName,
    ParameterLocation Location,
    TypeReference Type,
    bool IsRequired,
    string? Description,
    string? ConstantValue,
    EquatableArray<TemplatePart> Template,
    bool IsSensitive)
{
    public bool IsConstant => ConstantValue is not null;

    public bool IsTemplated => Template.Count > 0;
}
