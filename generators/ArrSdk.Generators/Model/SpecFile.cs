namespace ArrSdk.Generators.Model;

/// <summary>
/// A spec file's path and text, compared by value. Command-line builds hand the generator new AdditionalText objects on
/// every run, even when nothing changed; comparing contents instead lets every later step stay cached.
/// </summary>
internal sealed record SpecFile(string Path, string Text);
