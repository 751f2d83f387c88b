namespace ArrSdk.Emulator;

/// <summary>An account the emulator knows. <see cref="ToString"/> never shows the key.</summary>
/// <param name="AccountId">The account id; the real service requires a GUID.</param>
/// <param name="AccountKey">The account key.</param>
public sealed record EmulatorAccount(string AccountId, string AccountKey)
{
    /// <summary>
    /// The documented demo account that <c>arr --emulator</c> uses. Its key is public by design: it only ever opens the
    /// local emulator.
    /// </summary>
    public static EmulatorAccount Demo { get; } = new("00000000-0000-4000-8000-00000000de00", "emulator-demo-key");

    /// <inheritdoc/>
    public override string ToString() => $"EmulatorAccount {{ AccountId = {AccountId}, AccountKey = *** }}";
}
