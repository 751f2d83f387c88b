using System.Collections.Concurrent;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>Passes requests to the real network stack (loopback only in these tests) and remembers what was sent.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<Uri> RequestUris { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestUris.Enqueue(request.RequestUri!);
        return base.SendAsync(request, cancellationToken);
    }
}
