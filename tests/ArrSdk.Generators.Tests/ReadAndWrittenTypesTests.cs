using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// A type the client only reads (reachable from a response body through properties, lists and maps, and from no request
/// body) is shaped for System.Text.Json's fast path and checks its required properties after the read; a type callers
/// send, even one they also receive, keeps C# <c>required</c> members, so building one without them does not compile.
/// </summary>
public sealed class ReadAndWrittenTypesTests
{
    private const string Spec = """
        { "namespace": "Shop", "services": { "Orders": { "operations": {
            "Place": { "method": "POST", "path": "/orders", "body": { "type": "Order", "required": true },
                       "responses": { "200": { "body": "Receipt" } } } } } },
          "types": {
            "Order": { "properties": { "name": { "type": "string", "required": true }, "address": { "type": "Address" } } },
            "Address": { "properties": { "street": { "type": "string", "required": true } } },
            "Receipt": { "properties": { "lines": { "type": "Line[]", "required": true }, "tags": { "type": "map<Tag>" }, "shipTo": { "type": "Address" } } },
            "Line": { "properties": {
                "sku": { "type": "string", "required": true },
                "count": { "type": "integer", "required": true },
                "state": { "type": "State", "required": true },
                "note": { "type": "string", "required": true, "nullable": true } } },
            "Tag": { "properties": { "label": { "type": "string", "required": true } } },
            "State": { "values": ["open", "shipped"] } } }
        """;

    [Fact]
    public void Read_types_check_after_the_read_and_written_types_keep_csharp_required()
    {
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run([("shop.api.json", Spec)], withPeers: true);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var order = Source(output, "class Order");
        var line = Source(output, "class Line");
        var tag = Source(output, "class Tag");
        var receipt = Source(output, "class Receipt");

        Assert.Contains("public required string Name { get; set; }", order, StringComparison.Ordinal);
        Assert.DoesNotContain("IJsonOnDeserialized", order, StringComparison.Ordinal);

        // Sent inside a request body and also received: callers build it, so C# required stays.
        var address = Source(output, "class Address");
        Assert.Contains("public required string Street { get; set; }", address, StringComparison.Ordinal);
        Assert.DoesNotContain("IJsonOnDeserialized", address, StringComparison.Ordinal);

        // Reached through a list and through a map: checked after the read, no C# required.
        foreach (var read in new[] { line, tag, receipt })
        {
            Assert.Contains("IJsonOnDeserialized", read, StringComparison.Ordinal);
            Assert.DoesNotContain("public required ", read, StringComparison.Ordinal);
        }

        Assert.Contains("if (Sku is null)", line, StringComparison.Ordinal);
        Assert.Contains("if (!State.HasWireValue)", line, StringComparison.Ordinal);

        // An int and a nullable cannot be told from their defaults afterwards: the serializer checks them.
        Assert.Contains("JsonRequired]\n    public int Count { get; set; }", line.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("JsonRequired]\n    public string? Note { get; set; }", line.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Building_a_request_body_without_a_required_property_does_not_compile()
    {
        const string consumer = "public static class Use { public static Shop.Order Make() => new Shop.Order(); }";

        var (_, output, _) = GeneratorHarness.Run([("shop.api.json", Spec)], withPeers: true, consumer);

        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS9035" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Name", StringComparison.Ordinal));
    }

    private static string Source(Compilation output, string declaration)
        => Assert.Single(output.SyntaxTrees, tree => tree.ToString().Contains("public sealed partial " + declaration + " ", StringComparison.Ordinal)
            || tree.ToString().Contains("public sealed partial " + declaration + "\n", StringComparison.Ordinal)
            || tree.ToString().Contains("public sealed partial " + declaration + "\r\n", StringComparison.Ordinal)).ToString();
}
