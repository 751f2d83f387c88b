using System.Net;
using System.Net.Http.Headers;

namespace ArrSdk.Benchmarks.Comparison;

/// <summary>
/// Answers every request in memory with the same recorded bytes and headers, so a benchmark measures only what the
/// client does around the call, never a socket.
/// </summary>
internal sealed class RecordedResponse(byte[] body, IReadOnlyDictionary<string, string> headers) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(response);
    }
}
