using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>specs/arr-spec.schema.json, loaded once, and validation of spec text against it.</summary>
internal static class SpecSchema
{
    // Spec files may hold comments and trailing commas, which plain JSON (and so the validator) does not allow.
    private static readonly JsonDocumentOptions SpecJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path));

    public static string Path => System.IO.Path.Combine(TestPaths.Specs, "arr-spec.schema.json");

    /// <summary>The schema's complaints about a spec, one line each ("/services/S/operations/Get: ..."); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string specText)
    {
        var instance = JsonNode.Parse(specText, documentOptions: SpecJson);
        var results = Schema.Value.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = results.Details
            .Where(detail => detail.HasErrors)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }
}
