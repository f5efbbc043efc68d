using LlmTelemetry;

namespace SupportBot.Model;

/// <summary>A help-center article, as the retrieval step returns it.</summary>
public sealed record Article([property: DocumentId] string Id, string Text, [property: DocumentScore] double Score);

/// <summary>
/// The retrieval step: a keyword search over a few built-in articles (a vector store in a real application). Its
/// span, <c>retrieval help-center</c>, records how many articles came back and the best score.
/// </summary>
public sealed partial class HelpCenter
{
    private static readonly (string Id, string Keywords, string Text)[] s_articles =
    [
        ("kb-101", "refund money back return", "Refunds are issued to the original payment method within 5 business days of approval."),
        ("kb-204", "password reset login security", "Reset your password from Settings > Security > Reset password; the link expires after 30 minutes."),
        ("kb-310", "shipping delivery arrive express", "Standard shipping takes 3 to 5 business days; express shipping arrives the next business day."),
    ];

    [Retrieval(DataSource = "help-center")]
    public partial Task<IReadOnlyList<Article>> SearchAsync([Prompt] string query, [TopK] int top = 2, CancellationToken cancellationToken = default);

    private async Task<IReadOnlyList<Article>> SearchCoreAsync(string query, int top, CancellationToken cancellationToken)
    {
        await Task.Delay(12, cancellationToken); // an index round trip
        string[] words = query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return s_articles
            .Select(a => new Article(a.Id, a.Text, Score(a.Keywords, words)))
            .Where(a => a.Score > 0)
            .OrderByDescending(a => a.Score)
            .Take(top)
            .ToList();
    }

    private static double Score(string keywords, string[] words)
    {
        string[] known = keywords.Split(' ');
        int hits = words.Count(w => known.Any(k => w.Trim('?', '.', ',').StartsWith(k, StringComparison.Ordinal)));
        return Math.Round(hits / (double)Math.Max(words.Length, 1), 2);
    }
}
