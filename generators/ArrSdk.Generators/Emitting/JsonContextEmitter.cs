using System.Linq;
using ArrSdk.Generators.Model;

namespace ArrSdk.Generators.Emitting;

/// <summary>
/// Emits a <c>JsonSerializerContext</c> listing every type of the spec, so System.Text.Json's own generator builds the
/// metadata and no reflection is needed at run time.
/// </summary>
internal static class JsonContextEmitter
{
    public static string Emit(SpecModel spec)
    {
        var writer = new SourceWriter();
        writer.Summary($"System.Text.Json metadata for the types of the {spec.SourceName} spec.");
        // No GeneratedCode attribute here: System.Text.Json's generator adds its own to this partial class.
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web, "
                    + "DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        var serializable = spec.Types.Select(t => $"global::{spec.Namespace}.{t.Name}")
            .Concat(spec.Services.SelectMany(s => s.Operations).SelectMany(o => o.Responses).Where(r => r.BodyType is not null).Select(r => r.BodyType!.CSharpName))
            .Concat(spec.Services.SelectMany(s => s.Operations).Where(o => o.Body is not null).Select(o => o.Body!.Type.CSharpName))
            .Distinct()
            .ToList();
        foreach (var type in serializable)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]");
        }

        writer.Line($"public partial class {spec.JsonContextName} : global::System.Text.Json.Serialization.JsonSerializerContext");
        writer.Line("{");
        writer.Line("}");
        return SourceWriter.Header(spec.Namespace) + writer;
    }
}
