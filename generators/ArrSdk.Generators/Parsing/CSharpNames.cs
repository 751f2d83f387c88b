using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ArrSdk.Generators.Parsing;

/// <summary>Turns any wire name into a valid, idiomatic C# identifier. Wire names themselves are never changed.</summary>
internal static class CSharpNames
{
    /// <summary>PascalCase for types, members and methods: <c>api-version</c> becomes <c>ApiVersion</c>.</summary>
    public static string ToPascal(string name, string fallback)
    {
        var words = SplitWords(name);
        var builder = new StringBuilder();
        foreach (var word in words)
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return Finish(builder.ToString(), fallback);
    }

    /// <summary>camelCase for parameters: <c>X-MRC-CV</c> becomes <c>xMrcCv</c>, <c>class</c> becomes <c>@class</c>.</summary>
    public static string ToCamel(string name, string fallback)
    {
        var pascal = ToPascal(name, fallback);
        var camel = pascal.Length > 1 && char.IsUpper(pascal[1]) && IsAllUpper(pascal)
            ? pascal.ToLowerInvariant()
            : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>Makes <paramref name="candidate"/> unique among <paramref name="taken"/> by adding a number.</summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        var unique = candidate;
        for (var i = 2; !taken.Add(unique); i++)
        {
            unique = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            // A lower-to-upper change starts a word, so camelCase wire names keep their word boundaries.
            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var word = current.ToString();

            // All-caps words (MRC, CV) read better as Mrc, Cv in C#.
            if (word.Length > 1 && IsAllUpper(word) && HasLetter(word))
            {
                word = word[0] + word.Substring(1).ToLowerInvariant();
            }

            words.Add(word);
            current.Clear();
        }
    }

    private static bool IsAllUpper(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLetter(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Finish(string identifier, string fallback)
    {
        if (identifier.Length == 0)
        {
            identifier = fallback;
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        return EscapeKeyword(identifier);
    }

    private static string EscapeKeyword(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
}
