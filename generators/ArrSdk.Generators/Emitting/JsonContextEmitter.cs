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
        // System.Text.Json names each metadata property after the type's simple name; a spec type that shares a name
        // with a type STJ adds itself (String, Guid, NullableInt32 …) gets an explicit, unique property name instead.
        var taken = new System.Collections.Generic.HashSet<string>(spec.Types.Select(t => t.Name), System.StringComparer.Ordinal);
        foreach (var type in spec.Types)
        {
            var attribute = $"[global::System.Text.Json.Serialization.JsonSerializable(typeof(global::{spec.Namespace}.{type.Name})";
            if (CollidesWithFrameworkName(type.Name))
            {
                var name = "Spec" + type.Name;
                for (var i = 2; !taken.Add(name); i++)
                {
                    name = "Spec" + type.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                attribute += $", TypeInfoPropertyName = {SourceWriter.Literal(name)}";
            }

            writer.Line(attribute + ")]");
        }

        var serializable = System.Linq.Enumerable.Empty<string>()
            .Concat(spec.Services.SelectMany(s => s.Operations).SelectMany(o => o.Responses).Where(r => r.BodyType is not null).Select(r => r.BodyType!.CSharpName))
            .Concat(spec.Services.SelectMany(s => s.Operations).Where(o => o.Body is not null).Select(o => o.Body!.Type.CSharpName))
            .Where(t => !spec.Types.Any(d => t == $"global::{spec.Namespace}.{d.Name}"))
            .Distinct()
            .ToList();
        foreach (var type in serializable)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]");
        }

        if (spec.Types.Count == 0 && serializable.Count == 0)
        {
            // System.Text.Json's generator ignores a context that lists no type, which would leave it abstract and
            // break the build; list one so a spec without types still gets a usable context.
            writer.Line("[global::System.Text.Json.Serialization.JsonSerializable(typeof(global::System.Text.Json.JsonElement))]");
        }

        writer.Line($"public partial class {spec.JsonContextName} : global::System.Text.Json.Serialization.JsonSerializerContext");
        writer.Line("{");
        writer.Line("}");
        return SourceWriter.Header(spec.Namespace) + writer;
    }

    private static readonly string[] FrameworkNames =
    {
        "String", "Int32", "Int64", "Double", "Boolean", "DateTimeOffset", "TimeSpan", "Guid", "JsonElement", "Object",
    };

    private static bool CollidesWithFrameworkName(string name)
        => System.Array.IndexOf(FrameworkNames, name) >= 0
           || name.StartsWith("Nullable", System.StringComparison.Ordinal)
           || name.StartsWith("IReadOnlyList", System.StringComparison.Ordinal)
           || name.StartsWith("IReadOnlyDictionary", System.StringComparison.Ordinal);
}
