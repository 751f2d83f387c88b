using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ArrSdk.RemoteRendering;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>
/// Every request and response body of the official ARR examples (read-only in ../shared/realdata) round-trips through
/// the generated types without loss: same properties, same values (dates compared as instants, null as absent).
/// </summary>
public sealed class OfficialArrExampleTests
{
    private static string Examples(string version) => Path.Combine(
        TestPaths.RealDataRoot, "azure-rest-api-specs", "data-plane", "Microsoft.MixedReality", version.EndsWith("preview", StringComparison.Ordinal) ? "preview" : "stable", version, "examples");

    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "2021-01-01", "2021-01-01-preview" })
        {
            foreach (var file in Directory.GetFiles(Examples(version), "*.json").Order(StringComparer.Ordinal))
            {
                using var example = JsonDocument.Parse(File.ReadAllText(file));
                if (example.RootElement.GetProperty("parameters").TryGetProperty("body", out _))
                {
                    data.Add(version + "/" + Path.GetFileName(file), "request");
                }

                foreach (var response in example.RootElement.GetProperty("responses").EnumerateObject())
                {
                    if (response.Value.TryGetProperty("body", out _))
                    {
                        data.Add(version + "/" + Path.GetFileName(file), response.Name);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Official_example_bodies_round_trip_without_loss(string example, string which)
    {
        var version = example.Split('/')[0];
        var file = example.Split('/')[1];
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(Examples(version), file)))!;
        var body = which == "request" ? root["parameters"]!["body"]! : root["responses"]![which]!["body"]!;
        var type = TypeFor(file, which, body);

        var model = JsonSerializer.Deserialize(body.ToJsonString(), type);
        var written = JsonNode.Parse(JsonSerializer.Serialize(model, type))!;

        AssertSameJson(body, written, "$");
    }

    [Fact]
    public void Every_official_example_file_is_covered()
        => Assert.Equal(16, Bodies().Select(row => (string)row[0]).Distinct().Count());

    [Fact]
    public void A_status_a_newer_service_invents_does_not_break_deserialization()
    {
        var session = JsonSerializer.Deserialize("""{"id":"s","size":"Gigantic","status":"Hibernating","error":null}""", RemoteRenderingJsonContext.Default.SessionProperties)!;

        Assert.Equal("Hibernating", session.Status.Value);
        Assert.False(session.Status.IsKnown);
        Assert.True(SessionStatus.Ready.IsKnown);
        Assert.Equal("""{"id":"s","size":"Gigantic","status":"Hibernating","error":null}""", JsonSerializer.Serialize(session, RemoteRenderingJsonContext.Default.SessionProperties));
    }

    private static JsonTypeInfo TypeFor(string file, string which, JsonNode body)
    {
        var context = RemoteRenderingJsonContext.Default;
        if (body["error"] is not null && body.AsObject().Count == 1)
        {
            return context.ErrorResponse;
        }

        return (file, which) switch
        {
            ("CreateConversion.json", "request") => context.CreateConversionSettings,
            ("CreateSession.json", "request") => context.CreateSessionSettings,
            ("UpdateSession.json", "request") => context.UpdateSessionSettings,
            ("ListConversions.json", _) => context.ConversionList,
            ("ListSessions.json", _) => context.SessionsList,
            (_, _) when file.Contains("Conversion", StringComparison.Ordinal) => context.Conversion,
            _ => context.SessionProperties,
        };
    }

    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
            return;
        }

        switch (expected)
        {
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (name, value) in expectedObject)
                {
                    if (value is null)
                    {
                        Assert.True(actualObject[name] is null, $"{path}.{name} should be null or absent");
                        continue;
                    }

                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} was lost");
                    AssertSameJson(value, actualObject[name], $"{path}.{name}");
                }

                foreach (var (name, value) in actualObject)
                {
                    Assert.True(expectedObject.ContainsKey(name) || value is null, $"{path}.{name} was added");
                }

                break;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.Equal(expectedArray.Count, actualArray.Count);
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AssertSameJson(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                var e = expected.AsValue();
                var a = actual.AsValue();
                if (e.TryGetValue<string>(out var es) && DateTimeOffset.TryParse(es, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var ed) && es.Contains('T', StringComparison.Ordinal))
                {
                    Assert.Equal(ed, DateTimeOffset.Parse(a.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(e.ToJsonString(), a.ToJsonString());
                }

                break;
        }
    }
}
