namespace ArrSdk.Benchmarks.Comparison;

/// <summary>Runs each client once before timing and fails the benchmark unless all return the same, non-empty answer.</summary>
internal static class AnswersAgree
{
    public static void Check(params Func<Task<string?>>[] calls)
    {
        var answers = calls.Select(call => call().GetAwaiter().GetResult()).ToArray();
        if (string.IsNullOrEmpty(answers[0]) || answers.Any(answer => !string.Equals(answer, answers[0], StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The clients disagree on the recorded answer: {string.Join(" | ", answers.Select(a => a?.Length > 40 ? a[..40] + "…" : a))}");
        }
    }
}
