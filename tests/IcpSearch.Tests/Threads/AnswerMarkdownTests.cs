using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;
using IcpSearch.Grains.Threads;

namespace IcpSearch.Tests.Threads;

public sealed class AnswerMarkdownTests
{
    private static readonly SearchUnderstanding Understood = new(
        [new UnderstoodIndustry("C", "MANUFACTURING", "section", "alias", "manufacturing", 2)], ["10101", "10102"],
        MessageParser.Parse("in Jurong").Filters, ["zzqx"]);

    private static SearchCompany Company(int i, string name = "ACME PTE. LTD.", string rationale = "industry in target (+40)")
        => new(i, $"2000{i:D5}A", name, "Manufacturing", "10101", 90 - i, "high", rationale, "ok", null);

    [Fact]
    public void Render_ShouldTabulateTheCompaniesAndNameTheJobSchedule_WhenTheSearchScheduledTheRest()
    {
        // Arrange
        var result = new SearchResult(["manufacturing"], ["10101", "10102"], [.. Enumerable.Range(1, 10).Select(i => Company(i))], 250, 240, 4097, false,
            "Manufacturing (section C, 2 codes) · Jurong (D22). Upserted and enriched 10 now; scheduled 240 remaining.", "background", [], "ssic_code", Understood, []);
        var job = new JobSnapshot(4097, "staging_upsert", "t", JobStatus.Queued, 0, 240, 0, null, null, DateTimeOffset.UnixEpoch, null, null,
            new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero), ["manufacturing"], null);
        var composed = QueryComposer.Compose(QueryComposer.Compose(null, "manufacturing").Query, "only in Jurong");

        // Act
        var md = AnswerMarkdown.Render(composed, result, job, "http://gw:8080/");

        // Assert: the headings with level and code, the constraints in the grain's words, the notice once.
        Assert.StartsWith("Restricted the previous query: Jurong (D22).\n\n**Understood:** Manufacturing (section C, 2 codes) · Jurong (D22) (2 SSIC codes, matched by ssic code). Not understood: zzqx.\n\nUpserted and enriched 10 now; scheduled 240 remaining.\n\n", md, StringComparison.Ordinal);
        Assert.Contains("**250** matching companies in the registry. The 10 scored now:", md, StringComparison.Ordinal);
        Assert.Equal(10, md.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])));
        Assert.Contains("| 1 | ACME PTE. LTD. | 200000001A | Manufacturing | 89 (high) | industry in target (+40) |", md, StringComparison.Ordinal);
        Assert.EndsWith("**Job 4097**: 240 more companies to upsert, enrich and score, queued, next run 2026-12-02 02:00 UTC. Follow it in the [console](http://gw:8080/).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShouldKeepTheTableIntact_WhenNamesHoldMarkdownAndLineBreaks()
    {
        // Arrange
        var result = new SearchResult(["x"], ["1"], [Company(1, "A | B\nC *D* [E](javascript:x) <script>", "a|b")], 1, 0, null, false, "n", "background", [], "ssic_code", SearchUnderstanding.None, []);

        // Act
        var md = AnswerMarkdown.Render(QueryComposer.Compose(null, "x"), result, null, "/");

        // Assert
        var row = md.Split('\n').Single(l => l.StartsWith("| 1 |", StringComparison.Ordinal));
        Assert.Equal(@"| 1 | A \| B C \*D\* \[E](javascript:x) &lt;script> | 200000001A | Manufacturing | 89 (high) | a\|b |", row);
        Assert.Contains("Nothing was scheduled.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShouldSayThereIsNothingToSearch_WhenTheLastIndustryWasDropped()
    {
        // Arrange
        var composed = QueryComposer.Compose(QueryComposer.Compose(null, "retail").Query, "drop retail");

        // Act
        var md = AnswerMarkdown.Render(composed, null, null, "/");

        // Assert
        Assert.Equal("Dropped *retail* from the previous query.\n\nThe query names no industry any more, so there is nothing to search. Name one, for example \"also manufacturing\".", md);
    }
}
