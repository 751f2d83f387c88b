using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Model;

/// <summary>
/// Where something is in a spec file, as plain values: a <see cref="Location"/> must not live in the pipeline
/// because it is not equatable across runs.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo Create(string filePath, SourceText text, TextSpan span)
    {
        var clamped = TextSpan.FromBounds(
            System.Math.Min(span.Start, text.Length),
            System.Math.Min(span.End, text.Length));
        return new LocationInfo(filePath, clamped, text.Lines.GetLinePositionSpan(clamped));
    }
}
