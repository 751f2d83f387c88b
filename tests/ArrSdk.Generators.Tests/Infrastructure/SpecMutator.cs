namespace ArrSdk.Generators.Tests.Infrastructure;

/// <summary>
/// Deterministic mutations of spec text for fuzzing: character edits, token edits (JSON tokens, so mutants stay close
/// enough to valid JSON to reach the spec parser, not only the JSON reader), truncation, values of other JSON types,
/// huge numbers, deep nesting, unicode and control characters. Same seed, same mutants.
/// </summary>
internal sealed class SpecMutator(int seed)
{
    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "/", "*", "//", "/*", "*/", "\n", "\r\n", "\t", " ", "\0", "\u0001", "\u001f",
        "\u00e9", "\u2028", "\u2029", "\uFEFF", "\uD800", "\uDC00", "\U0001F600", "\u0130", "\u0131", "\u200B", "'", "{x}", "{", "}}",
        "\\u", "\\u12", "\\uZZZZ", "\\x", "-", "+", ".", "e", "E", "0", "9",
    ];

    private static readonly string[] Values =
    [
        "{}", "[]", "null", "true", "false", "0", "-0", "1.5e3", "\"\"", "\" \"", "\"string\"", "\"GET\"", "\"path\"", "\"query\"",
        "\"header\"", "\"argument\"", "\"/x/{id}\"", "\"{\"", "\"}\"", "\"string[]\"", "\"map<string>\"", "\"map<\"", "\"[]\"",
        "\"default\"", "\"200\"", "\"class\"", "\"@event\"", "\"1abc\"", "\"a-b.c d\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\r\\n\"",
        "\"Bearer {a}:{b}\"", "\"{}\"", "\"https://x\"", "\"not a url\"",
        "123456789012345678901234567890123456789", "1e999999", "-1e-999999", "9223372036854775808", "0.000000000000000000001",
        "{ \"type\": \"string\" }", "{ \"in\": \"path\" }", "{ \"values\": [\"a\", \"a\"] }", "[\"x\", 1, null, {}]",
    ];

    private readonly Random _random = new(seed);

    /// <summary>One to four mutations stacked on <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var count = 1 + _random.Next(4);
        for (var i = 0; i < count; i++)
        {
            text = MutateOnce(text);
        }

        return text;
    }

    private string MutateOnce(string text)
    {
        if (text.Length == 0)
        {
            return Pick(Values);
        }

        var tokens = Tokenize(text);
        switch (_random.Next(14))
        {
            case 0: // delete characters
                {
                    var at = _random.Next(text.Length);
                    return text.Remove(at, Math.Min(1 + _random.Next(3), text.Length - at));
                }

            case 1: // insert a character or fragment
                return text.Insert(_random.Next(text.Length + 1), Pick(Fragments));
            case 2: // duplicate a substring
                {
                    var at = _random.Next(text.Length);
                    var length = Math.Min(1 + _random.Next(40), text.Length - at);
                    return text.Insert(_random.Next(text.Length + 1), text.Substring(at, length));
                }

            case 3: // swap two characters
                {
                    var chars = text.ToCharArray();
                    var a = _random.Next(chars.Length);
                    var b = _random.Next(chars.Length);
                    (chars[a], chars[b]) = (chars[b], chars[a]);
                    return new string(chars);
                }

            case 4: // truncate
                return text.Substring(0, _random.Next(text.Length));
            case 5: // delete a token
                tokens.RemoveAt(_random.Next(tokens.Count));
                return string.Concat(tokens);
            case 6: // duplicate a token
                {
                    var at = _random.Next(tokens.Count);
                    tokens.Insert(at, tokens[at]);
                    return string.Concat(tokens);
                }

            case 7: // swap two tokens
                {
                    var a = _random.Next(tokens.Count);
                    var b = _random.Next(tokens.Count);
                    (tokens[a], tokens[b]) = (tokens[b], tokens[a]);
                    return string.Concat(tokens);
                }

            case 8: // replace a value (or a key) with a value of another JSON type
            case 9:
                {
                    var at = PickValueToken(tokens);
                    tokens[at] = Pick(Values);
                    return string.Concat(tokens);
                }

            case 10: // deep nesting, sometimes past the reader's limit
                {
                    var depth = 1 + _random.Next(90);
                    var open = _random.Next(2) == 0 ? "[" : "{\"k\":";
                    var close = open == "[" ? "]" : "}";
                    var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                    var at = PickValueToken(tokens);
                    tokens[at] = nested;
                    return string.Concat(tokens);
                }

            case 11: // a string value edited inside its quotes (unicode, escapes, braces, control characters)
                {
                    var at = PickValueToken(tokens);
                    var token = tokens[at];
                    if (token.Length >= 2 && token[0] == '"')
                    {
                        tokens[at] = token.Insert(1 + _random.Next(token.Length - 1), Pick(Fragments));
                    }

                    return string.Concat(tokens);
                }

            case 12: // a long run of one fragment
                return text.Insert(_random.Next(text.Length + 1), string.Concat(Enumerable.Repeat(Pick(Fragments), 1 + _random.Next(200))));
            default: // a random unicode character, anywhere in the BMP or above
                {
                    var codePoint = _random.Next(0x110000);
                    var inserted = codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);
                    return text.Insert(_random.Next(text.Length + 1), inserted);
                }
        }
    }

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    /// <summary>A string, number or literal token when there is one, otherwise any token.</summary>
    private int PickValueToken(List<string> tokens)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var at = _random.Next(tokens.Count);
            var first = tokens[at][0];
            if (first == '"' || first == '-' || char.IsLetterOrDigit(first))
            {
                return at;
            }
        }

        return _random.Next(tokens.Count);
    }

    /// <summary>Splits text into JSON tokens (strings, numbers, words, punctuation) and the whitespace between them; never fails.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"' && text[i] != '\n')
                {
                    i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsLetterOrDigit(c) || c == '-' || c == '.' || c == '+')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '.' or '+'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            tokens.Add(text.Substring(start, i - start));
        }

        return tokens;
    }
}
