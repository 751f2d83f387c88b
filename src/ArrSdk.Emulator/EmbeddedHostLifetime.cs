using Microsoft.Extensions.Hosting;

namespace ArrSdk.Emulator;

/// <summary>A host lifetime that leaves process signals to whoever embeds the emulator.</summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
