namespace ArrSdk.Generators.Model;

/// <summary>One HTTP operation of a service, with every name already resolved to valid, unique C#.</summary>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string RefitPath,
    string? Description,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    TypeReference? SuccessBodyType,
    EquatableArray<ResponseModel> Responses,
    PagingModel? Paging = null);
