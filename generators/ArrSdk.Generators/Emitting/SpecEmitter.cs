using ArrSdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Emitting;

/// <summary>Adds every source of one spec: one file per service, per type, and the JSON context.</summary>
internal static class SpecEmitter
{
    public static void Emit(PreCompilationSourceProductionContext context, SpecModel spec)
    {
        var prefix = spec.Namespace + "." + spec.SourceName;
        foreach (var service in spec.Services)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource($"{prefix}.{service.InterfaceName}.g.cs", ServiceEmitter.Emit(spec, service));
        }

        var readOnlyTypes = ReadOnlyTypes.Of(spec);
        foreach (var type in spec.Types)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource($"{prefix}.{type.Name}.g.cs", TypeEmitter.Emit(spec, type, readOnlyTypes.Contains(type.Name)));
        }

        context.AddSource($"{prefix}.{spec.JsonContextName}.g.cs", JsonContextEmitter.Emit(spec));
    }
}
