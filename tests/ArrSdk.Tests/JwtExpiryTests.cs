using ArrSdk.Authentication;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

public sealed class JwtExpiryTests
{
    private static readonly DateTimeOffset Expected = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Theory]
    [InlineData("""{"exp":1800000000}""", false)]
    [InlineData("""{"exp":1800000000}""", true)]
    [InlineData("""{"exp":"1800000000"}""", false)]
    [InlineData("""{"iss":"x","nested":{"exp":1},"exp":1800000000.0}""", false)]
    public void Reads_exp_as_number_or_string_with_or_without_padding(string payload, bool padded)
    {
        Assert.True(JwtExpiry.TryRead(JwtFactory.WithPayload(payload, padded), out var expiresOn));
        Assert.Equal(Expected, expiresOn);
    }

    [Theory]
    [InlineData("""{"iat":1800000000}""")]
    [InlineData("""{"exp":"soon"}""")]
    [InlineData("""{"exp":-5}""")]
    [InlineData("""{"exp":1e300}""")]
    [InlineData("""{"exp":null}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""not json""")]
    public void Missing_or_unreadable_exp_is_reported_as_absent(string payload)
        => Assert.False(JwtExpiry.TryRead(JwtFactory.WithPayload(payload), out _));

    [Theory]
    [InlineData("")]
    [InlineData("no-dots")]
    [InlineData("one.dot")]
    [InlineData("a.!!!not-base64!!!.c")]
    public void Malformed_tokens_are_reported_as_absent(string token)
        => Assert.False(JwtExpiry.TryRead(token, out _));
}
