using System.Net;
using System.Text;
using ArrSdk.Authentication;
using ArrSdk.RemoteRendering;
using ArrSdk.Tests.Infrastructure;

namespace ArrSdk.Tests;

/// <summary>Listing against a misbehaving service: it must end, with a clear error, and never leak the token.</summary>
public sealed class RemoteRenderingPagingTests
{
    private static readonly Uri Endpoint = new("https://remoterendering.test/");

    [Fact]
    public async Task A_service_that_repeats_its_next_link_ends_the_listing_with_an_error()
    {
        var service = new PageServer(_ => """{"sessions":[{"id":"a","size":"Standard","status":"Ready"}],"@nextLink":"https://remoterendering.test/accounts/x/sessions?page=2"}""");
        var client = RemoteRenderingClient.Create(Endpoint, "x", Tokens(), service);

        var listed = new List<string>();
        var error = await Assert.ThrowsAsync<RemoteRenderingException>(async () =>
        {
            await foreach (var session in client.ListSessionsAsync())
            {
                listed.Add(session.Id);
            }
        });

        Assert.Contains("same next-page link twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, service.Requests);
        Assert.Equal(["a", "a"], listed);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_and_not_followed()
    {
        var service = new PageServer(_ => """{"sessions":[],"@nextLink":"https://attacker.example/steal"}""");
        var client = RemoteRenderingClient.Create(Endpoint, "x", Tokens(), service);

        var error = await Assert.ThrowsAsync<RemoteRenderingException>(async () => await client.ListSessionsAsync().ToListAsync());

        Assert.Contains("next-page link that was refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, service.Requests);
        Assert.DoesNotContain(service.Hosts, host => host == "attacker.example");
    }

    private static FixedAccessTokenProvider Tokens() => new(JwtFactory.Expiring(DateTimeOffset.UtcNow.AddHours(1)));

    private sealed class PageServer(Func<HttpRequestMessage, string> page) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public List<string> Hosts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            lock (Hosts)
            {
                Hosts.Add(request.RequestUri!.Host);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(page(request), Encoding.UTF8, "application/json") });
        }
    }
}
