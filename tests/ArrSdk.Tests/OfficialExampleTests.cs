using System.Text.Json;
using ArrSdk.Sts;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>The official STS example (GetToken.json, read-only in ../shared/realdata) fits the generated types.</summary>
public sealed class OfficialExampleTests
{
    [Fact]
    public void Official_GetToken_200_body_deserializes_into_the_generated_type()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.StsExamples, "GetToken.json")));
        var ok = example.RootElement.GetProperty("responses").GetProperty("200");

        var body = ok.GetProperty("body").Deserialize(StsJsonContext.Default.StsTokenResponse);

        Assert.NotNull(body);
        Assert.Equal(ok.GetProperty("body").GetProperty("AccessToken").GetString(), body.AccessToken);
        Assert.Equal("MS-CV", SecureTokenService.CorrelationVectorHeader);
        Assert.True(ok.GetProperty("headers").TryGetProperty(SecureTokenService.CorrelationVectorHeader, out _));
    }

    [Fact]
    public void Official_error_examples_carry_only_the_headers_the_spec_exposes()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.StsExamples, "GetToken.json")));
        var exposed = new[] { SecureTokenService.CorrelationVectorHeader, SecureTokenService.WwwAuthenticateHeader, SecureTokenService.RetryAfterHeader };
        foreach (var status in new[] { "400", "401", "429" })
        {
            var response = example.RootElement.GetProperty("responses").GetProperty(status);
            Assert.False(response.TryGetProperty("body", out _));
            foreach (var header in response.GetProperty("headers").EnumerateObject())
            {
                Assert.Contains(header.Name, exposed);
            }
        }
    }

    [Fact]
    public void A_body_without_AccessToken_is_rejected_because_the_spec_marks_it_required()
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"Token":"x"}""", StsJsonContext.Default.StsTokenResponse));
}
