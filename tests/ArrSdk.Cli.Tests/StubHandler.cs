using System.Net;
using System.Text;

namespace ArrSdk.Cli.Tests;

/// <summary>Answers every request with a fixed response: a broken server, without a network.</summary>
internal sealed class StubHandler(HttpStatusCode status, string? body, string contentType = "application/json") : HttpMessageHandler
{
    /// <summary>Adds headers to each response, given the request (for example to echo what the client sent).</summary>
    public Action<HttpRequestMessage, HttpResponseMessage>? Decorate { get; init; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        Decorate?.Invoke(request, response);
        response.Headers.Add("MS-CV", "stub-cv");
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        return Task.FromResult(response);
    }
}
