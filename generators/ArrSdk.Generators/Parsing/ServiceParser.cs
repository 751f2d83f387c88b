using System;
using System.Collections.Generic;
using System.Linq;
using ArrSdk.Generators.Diagnostics;
using ArrSdk.Generators.Json;
using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Parsing;

/// <summary>Parses one entry of <c>services</c>: its description, base URL and operations.</summary>
internal static class ServiceParser
{
    public static ServiceModel? Parse(SpecParseContext context, JsonProperty member, TypeResolver resolver, HashSet<string> takenTypeNames, IReadOnlyList<TypeModel> types)
    {
        if (member.Value is not JsonObject body)
        {
            context.Report(SpecDiagnostics.WrongValueType, member.Value.Span, member.Name, "an object", SpecParseContext.Describe(member.Value));
            return null;
        }

        var reader = new ObjectReader(context, body, $"service '{member.Name}'", "description", "baseUrl", "operations");
        var name = CSharpNames.MakeUnique(CSharpNames.ToPascal(member.Name, "Service"), takenTypeNames);
        var interfaceName = CSharpNames.MakeUnique("I" + name, takenTypeNames);
        var baseUrl = reader.GetString("baseUrl");
        if (baseUrl is not null && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            context.Report(SpecDiagnostics.InvalidValue, reader.Member("baseUrl")!.Value.Span, "baseUrl", baseUrl, "it must be an absolute URL such as \"https://example.com\"");
            baseUrl = null;
        }

        var operations = new List<OperationModel>();
        var operationsNode = reader.GetObject("operations", "the operations of the service, by name");
        if (operationsNode is not null)
        {
            var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var operationMember in operationsNode.Properties)
            {
                if (!seen.Add(operationMember.Name))
                {
                    context.Report(SpecDiagnostics.DuplicateName, operationMember.NameSpan, "Operation", operationMember.Name, $" in service '{member.Name}'");
                    continue;
                }

                var operation = OperationParser.Parse(context, operationMember, resolver, types);
                if (operation is null)
                {
                    continue;
                }

                // An interface cannot declare a method with its own name (CS0542): service "GetAsync", operation "IGet".
                if (operation.MethodName == interfaceName)
                {
                    operation = operation with { MethodName = interfaceName.Substring(0, interfaceName.Length - "Async".Length) + "2Async" };
                }

                var signature = operation.MethodName + "(" + string.Join(",", operation.Parameters
                    .Where(p => p.Location != ParameterLocation.Argument && !p.IsConstant)
                    .Select(p => p.Type.CSharpName)) + ")";
                if (signatures.TryGetValue(signature, out var existing))
                {
                    context.Report(SpecDiagnostics.ConflictingSignature, operationMember.NameSpan, operationMember.Name, existing);
                    continue;
                }

                signatures.Add(signature, operationMember.Name);
                if (operation.Paging is not null)
                {
                    var pagedSignature = operation.Paging.MethodName + "(" + string.Join(",", operation.Parameters
                        .Where(p => p.Location != ParameterLocation.Argument && !p.IsConstant && p.IsRequired)
                        .Select(p => p.Type.CSharpName)) + ")";
                    if (signatures.TryGetValue(pagedSignature, out var clash))
                    {
                        context.Report(SpecDiagnostics.ConflictingSignature, operationMember.NameSpan, operationMember.Name + " (its paged method)", clash);
                        continue;
                    }

                    signatures.Add(pagedSignature, operationMember.Name);
                }

                operations.Add(operation);
            }
        }

        return new ServiceModel(name, interfaceName, reader.GetString("description"), baseUrl, operations.ToEquatableArray());
    }
}
