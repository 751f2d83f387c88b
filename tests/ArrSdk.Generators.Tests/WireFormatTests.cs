using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using ArrSdk.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ArrSdk.Generators.Tests;

/// <summary>
/// Values on the wire do not depend on the machine's culture: the generated client, compiled and run under a culture
/// with a decimal comma, sends numbers and date-times in invariant form and escapes reserved characters.
/// </summary>
public sealed class WireFormatTests
{
    private const string Spec = """
        { "namespace": "Wire", "services": { "Probe": { "operations": {
            "Send": { "method": "GET", "path": "/things/{name}",
              "parameters": {
                "name": { "in": "path" },
                "ratio": { "in": "query", "type": "number", "required": true },
                "at": { "in": "query", "type": "date-time", "required": true },
                "text": { "in": "query", "required": true } },
              "responses": { "204": {} } } } } } }
        """;

    [Fact]
    public async Task Numbers_and_dates_are_invariant_and_reserved_characters_escaped_under_any_culture()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run([("wire.api.json", Spec)], withPeers: true);
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);

        var context = new AssemblyLoadContext("wire", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var api = assembly.GetType("Wire.IProbe", throwOnError: true)!;
            var recorder = new RecordingHandler();
            using var http = new HttpClient(recorder) { BaseAddress = new Uri("https://example.test/") };
            var forGenerated = typeof(Refit.RestService).GetMethods()
                .Single(m => m.Name == "ForGenerated" && m.IsGenericMethod && m.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(HttpClient)]))
                .MakeGenericMethod(api);
            var client = forGenerated.Invoke(null, [http])!;

            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            try
            {
                var send = (Task)api.GetMethod("SendAsync")!.Invoke(client, ["a/b c", 1.5, new DateTimeOffset(2026, 12, 3, 14, 5, 6, TimeSpan.FromHours(2)), "x&y=z", CancellationToken.None])!;
                await send;
            }
            finally
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = previous;
            }

            var uri = Assert.Single(recorder.Uris);
            Assert.Equal("/things/a%2Fb%20c", uri.AbsolutePath);
            Assert.Contains("ratio=1.5", uri.Query, StringComparison.Ordinal);
            Assert.Contains("text=x%26y%3Dz", uri.Query, StringComparison.Ordinal);
            var at = Uri.UnescapeDataString(uri.Query.Split('&').Single(p => p.TrimStart('?').StartsWith("at=", StringComparison.Ordinal)).TrimStart('?')["at=".Length..]);
            Assert.Equal(new DateTimeOffset(2026, 12, 3, 14, 5, 6, TimeSpan.FromHours(2)), DateTimeOffset.Parse(at, CultureInfo.InvariantCulture));
            Assert.Contains("+02:00", at, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent) { RequestMessage = request });
        }
    }
}
