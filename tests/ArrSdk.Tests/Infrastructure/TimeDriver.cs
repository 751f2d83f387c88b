using Microsoft.Extensions.Time.Testing;

namespace ArrSdk.Tests.Infrastructure;

/// <summary>
/// Moves a fake clock forward until an operation that waits on it (backoff, timeouts, emulator delays) completes.
/// Real time only lets loopback I/O progress; no result depends on how long that takes.
/// </summary>
internal static class TimeDriver
{
    public static async Task<T> DriveAsync<T>(Task<T> operation, FakeTimeProvider time, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !operation.IsCompleted; i++)
        {
            await Task.WhenAny(operation, Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System));
            if (!operation.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(operation.IsCompleted, $"The operation did not finish within {maxSteps} steps of {step}.");
        return await operation;
    }

    public static async Task DriveAsync(Task operation, FakeTimeProvider time, TimeSpan step, int maxSteps = 10_000)
        => await DriveAsync(operation.ContinueWith(static t => { t.GetAwaiter().GetResult(); return true; }, TaskScheduler.Default), time, step, maxSteps);
}
