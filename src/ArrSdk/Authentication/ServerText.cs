using System.Text;

namespace ArrSdk.Authentication;

/// <summary>
/// Makes text a server sent (such as <c>WWW-Authenticate</c>) safe to show: control characters (terminal escapes) are
/// dropped, the account key is masked in case a server echoes the request, and the length is capped.
/// </summary>
internal static class ServerText
{
    private const int MaxLength = 300;

    public static string? Sanitize(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text)
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }

            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }
        }

        var clean = builder.ToString();
        return string.IsNullOrEmpty(secret) ? clean : clean.Replace(secret, "***", StringComparison.Ordinal);
    }
}
