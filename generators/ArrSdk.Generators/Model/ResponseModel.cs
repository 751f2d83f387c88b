namespace ArrSdk.Generators.Model;

/// <summary>What one status code of an operation carries.</summary>
internal sealed record ResponseModel(
    string StatusCode,
    string? Description,
    TypeReference? BodyType,
    EquatableArray<ResponseHeaderModel> Headers)
{
    public bool IsSuccess => StatusCode.Length == 3 && StatusCode[0] == '2';
}
