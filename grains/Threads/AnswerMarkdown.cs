using System.Globalization;
using System.Text;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Writes a run's answer as the markdown a person reads in agent-chat-ui: what was understood, the companies scored
/// now as a table with score and rationale, and the job for the rest with its schedule and a link to the console.
/// </summary>
public static class AnswerMarkdown
{
    /// <summary>Returns the answer to a composed query and its search (null when nothing was searched).</summary>
    public static string Render(ComposedQuery composed, SearchResult? result, JobSnapshot? job, string consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(composed);
        var md = new StringBuilder();
        if (composed.Change is { } change)
        {
            md.Append(change).Append("\n\n");
        }

        if (result is null)
        {
            md.Append("The query names no industry any more, so there is nothing to search. Name one, for example \"also manufacturing\".");
            return md.ToString();
        }

        // The grain's own summary words (the notice opens with them), from what it understood of exactly this query.
        var understood = result.Understood;
        var summary = UnderstandingNotice.Summarise(understood, [.. composed.Query.Constraints.Select(c => c.Words)]);
        md.Append("**Understood:** ").Append(summary.Length == 0 ? "no industry" : Cell(summary));
        md.Append(CultureInfo.InvariantCulture, $" ({N(understood.SsicCodes.Count)} SSIC codes, matched by {result.MatchedBy.Replace('_', ' ')}).");
        if (understood.Unmatched.Count > 0)
        {
            md.Append(" Not understood: ").Append(string.Join(", ", understood.Unmatched.Select(Cell))).Append('.');
        }

        var notice = summary.Length > 0 && result.Notice.StartsWith(summary + ". ", StringComparison.Ordinal) ? result.Notice[(summary.Length + 2)..] : result.Notice;
        md.Append("\n\n").Append(notice).Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"**{N(result.TotalMatches)}** matching companies in the registry.");
        if (result.Companies.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $" The {N(result.Companies.Count)} scored now:\n\n");
            md.Append("| # | Company | UEN | Industry | Score | Rationale |\n|---:|---|---|---|---:|---|\n");
            var rank = 0;
            foreach (var c in result.Companies)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {++rank} | {Cell(c.Name)} | {Cell(c.Uen ?? "—")} | {Cell(c.Industry ?? c.IndustryCode ?? "—")} | {c.Score} ({c.Bucket}) | {Cell(c.Rationale)} |\n");
            }
        }
        else if (result.PreviewNames.Count > 0)
        {
            md.Append(" A preview (nothing written yet): ").Append(string.Join(", ", result.PreviewNames.Select(Cell))).Append('.');
        }

        md.Append("\n\n");
        if (result.JobId is { } jobId)
        {
            md.Append(CultureInfo.InvariantCulture, $"**Job {jobId}**{(result.JobReused ? " (already queued)" : "")}: {N(result.Scheduled)} more companies to upsert, enrich and score");
            md.Append(job switch
            {
                { NextRunAt: { } at } => $", {job.Status.ToWire()}, next run {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
                not null => $", {job.Status.ToWire()}",
                null => "",
            });
            md.Append(CultureInfo.InvariantCulture, $". Follow it in the [console]({consoleUrl}).");
        }
        else
        {
            md.Append(CultureInfo.InvariantCulture, $"Nothing was scheduled. The scores are in the [console]({consoleUrl}).");
        }

        return md.ToString();
    }

    // Table cells must not break the table (pipes, line breaks) or open markup the user did not write.
    private static string Cell(string value)
        => value.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ").Replace("*", "\\*").Replace("_", "\\_")
            .Replace("[", "\\[").Replace("<", "&lt;");

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
