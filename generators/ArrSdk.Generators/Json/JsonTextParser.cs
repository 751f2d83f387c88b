using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ArrSdk.Generators.Json;

/// <summary>
/// A small JSON reader for spec files: JSON plus <c>//</c> and <c>/* */</c> comments and trailing commas.
/// It lives here rather than coming from a package because a generator must not carry dependencies beyond Roslyn.
/// Every node keeps its span; the first syntax error throws <see cref="JsonSyntaxException"/> with its position.
/// </summary>
internal sealed class JsonTextParser
{
    // Deep enough for any sensible spec, shallow enough that hostile input cannot overflow the stack.
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _depth;

    private JsonTextParser(string text) => _text = text;

    public static JsonNode Parse(string text)
    {
        var parser = new JsonTextParser(text);
        parser.SkipTrivia();
        if (parser.AtEnd)
        {
            throw new JsonSyntaxException("The spec file is empty; it must contain a JSON object.", new TextSpan(0, 0));
        }

        var root = parser.ParseValue();
        parser.SkipTrivia();
        if (!parser.AtEnd)
        {
            throw parser.Error($"Unexpected '{Describe(parser.Current)}' after the end of the JSON document.", 1);
        }

        return root;
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private JsonNode ParseValue()
    {
        if (AtEnd)
        {
            throw Error("Unexpected end of file: a value was expected.", 0);
        }

        switch (Current)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                {
                    var start = _position;
                    var value = ParseString();
                    return new JsonString(TextSpan.FromBounds(start, _position), value);
                }

            case 't':
                return ParseLiteral("true", span => new JsonBoolean(span, true));
            case 'f':
                return ParseLiteral("false", span => new JsonBoolean(span, false));
            case 'n':
                return ParseLiteral("null", span => new JsonNull(span));
            default:
                if (Current == '-' || (Current >= '0' && Current <= '9'))
                {
                    return ParseNumber();
                }

                throw Error($"Unexpected '{Describe(Current)}': a value (object, array, string, number, true, false or null) was expected.", 1);
        }
    }

    private JsonObject ParseObject()
    {
        var start = _position;
        Enter();
        _position++; // '{'
        var properties = new List<JsonProperty>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("Unterminated object: '}' expected.", 0);
            }

            if (Current == '}')
            {
                _position++;
                break;
            }

            if (Current != '"')
            {
                throw Error($"Unexpected '{Describe(Current)}': a property name in double quotes was expected.", 1);
            }

            var nameStart = _position;
            var name = ParseString();
            var nameSpan = TextSpan.FromBounds(nameStart, _position);
            SkipTrivia();
            Expect(':', "':' expected after the property name");
            SkipTrivia();
            var value = ParseValue();
            properties.Add(new JsonProperty(name, nameSpan, value));
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("Unterminated object: '}' expected.", 0);
            }

            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current != '}')
            {
                throw Error($"Unexpected '{Describe(Current)}': ',' or '}}' expected.", 1);
            }
        }

        _depth--;
        return new JsonObject(TextSpan.FromBounds(start, _position), properties);
    }

    private JsonArray ParseArray()
    {
        var start = _position;
        Enter();
        _position++; // '['
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("Unterminated array: ']' expected.", 0);
            }

            if (Current == ']')
            {
                _position++;
                break;
            }

            items.Add(ParseValue());
            SkipTrivia();
            if (AtEnd)
            {
                throw Error("Unterminated array: ']' expected.", 0);
            }

            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current != ']')
            {
                throw Error($"Unexpected '{Describe(Current)}': ',' or ']' expected.", 1);
            }
        }

        _depth--;
        return new JsonArray(TextSpan.FromBounds(start, _position), items);
    }

    private string ParseString()
    {
        var start = _position;
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            if (AtEnd || Current == '\n' || Current == '\r')
            {
                throw new JsonSyntaxException("Unterminated string: a closing '\"' is missing.", TextSpan.FromBounds(start, _position));
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("A control character must be escaped inside a string.", 1);
            }

            if (c != '\\')
            {
                builder.Append(c);
                _position++;
                continue;
            }

            _position++;
            if (AtEnd)
            {
                throw new JsonSyntaxException("Unterminated string: a closing '\"' is missing.", TextSpan.FromBounds(start, _position));
            }

            var escape = Current;
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JsonSyntaxException("Invalid \\u escape: four hexadecimal digits are expected.", new TextSpan(_position - 2, 2));
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new JsonSyntaxException($"Invalid escape '\\{Describe(escape)}' in a string.", new TextSpan(_position - 2, 2));
            }
        }
    }

    private JsonNumber ParseNumber()
    {
        var start = _position;
        if (Current == '-')
        {
            _position++;
        }

        if (AtEnd || !IsDigit(Current))
        {
            throw Error("Invalid number: a digit is expected.", 1);
        }

        if (Current == '0')
        {
            _position++;
        }
        else
        {
            SkipDigits();
        }

        if (!AtEnd && Current == '.')
        {
            _position++;
            if (AtEnd || !IsDigit(Current))
            {
                throw Error("Invalid number: a digit is expected after '.'.", 1);
            }

            SkipDigits();
        }

        if (!AtEnd && (Current == 'e' || Current == 'E'))
        {
            _position++;
            if (!AtEnd && (Current == '+' || Current == '-'))
            {
                _position++;
            }

            if (AtEnd || !IsDigit(Current))
            {
                throw Error("Invalid number: a digit is expected in the exponent.", 1);
            }

            SkipDigits();
        }

        if (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_'))
        {
            throw Error($"Invalid number: unexpected '{Describe(Current)}'.", 1);
        }

        return new JsonNumber(TextSpan.FromBounds(start, _position), _text.Substring(start, _position - start));
    }

    private JsonNode ParseLiteral(string literal, System.Func<TextSpan, JsonNode> create)
    {
        var start = _position;
        var end = start;
        while (end < _text.Length && char.IsLetterOrDigit(_text[end]))
        {
            end++;
        }

        var word = _text.Substring(start, end - start);
        if (word != literal)
        {
            throw new JsonSyntaxException(
                $"Unexpected '{word}': a value was expected (strings need double quotes; literals are true, false and null).",
                TextSpan.FromBounds(start, end));
        }

        _position = end;
        return create(TextSpan.FromBounds(start, end));
    }

    private void SkipTrivia()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var start = _position;
                var close = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new JsonSyntaxException("Unterminated comment: '*/' expected.", new TextSpan(start, 2));
                }

                _position = close + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void SkipDigits()
    {
        while (!AtEnd && IsDigit(Current))
        {
            _position++;
        }
    }

    private void Expect(char expected, string message)
    {
        if (AtEnd)
        {
            throw Error($"Unexpected end of file: {message}.", 0);
        }

        if (Current != expected)
        {
            throw Error($"Unexpected '{Describe(Current)}': {message}.", 1);
        }

        _position++;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"The document nests deeper than {MaxDepth} levels.", 1);
        }
    }

    private JsonSyntaxException Error(string message, int length)
        => new(message, new TextSpan(_position, AtEnd ? 0 : length));

    private static string Describe(char c) => c < ' ' ? $"\\u{(int)c:X4}" : c.ToString();

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
