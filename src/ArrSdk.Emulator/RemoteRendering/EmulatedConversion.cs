namespace ArrSdk.Emulator.RemoteRendering;

/// <summary>
/// An asset conversion. Its status follows from the clock: NotStarted while queued, Running, then Succeeded, or Failed
/// when the input asset does not exist in the emulator's asset folder.
/// </summary>
internal sealed class EmulatedConversion(string id, ConversionRequest request, DateTimeOffset creationTime, TimeSpan queueTime, TimeSpan runTime, ArrError? failure)
{
    public string Id { get; } = id;

    public ConversionRequest Request { get; } = request;

    public DateTimeOffset CreationTime { get; } = creationTime;

    public string Status(DateTimeOffset now)
    {
        var elapsed = now - CreationTime;
        if (elapsed < queueTime)
        {
            return "NotStarted";
        }

        if (elapsed < queueTime + runTime)
        {
            return "Running";
        }

        return failure is null ? "Succeeded" : "Failed";
    }

    public ArrError? Error(DateTimeOffset now) => Status(now) == "Failed" ? failure : null;

    public string OutputAssetUri => Request.OutputAssetUri;
}
