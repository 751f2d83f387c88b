using System;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Json;

/// <summary>Thrown by <see cref="JsonTextParser"/> at the first syntax error; carries where it is.</summary>
internal sealed class JsonSyntaxException : Exception
{
    public JsonSyntaxException(string message, TextSpan span)
        : base(message) => Span = span;

    public TextSpan Span { get; }
}
