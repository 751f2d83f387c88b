namespace ArrSdk.Generators.Model;

/// <summary>Where an operation parameter travels on the wire.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,

    /// <summary>Not sent by itself; it only feeds the value template of another parameter (for example a key inside a header).</summary>
    Argument,
}
