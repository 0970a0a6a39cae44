using IcpSearch.Grains.Import;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Import;

public sealed class AcraImporterTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>, IAsyncLifetime
{
    private const string Header = "uen,entity_name,entity_status_description,registration_incorporation_date,primary_ssic_code,no_of_officers";

    private readonly AcraImporter _importer = new(fixture.DataSource, NullLogger<AcraImporter>.Instance);
    private readonly TempFolder _folder = new();

    public async ValueTask InitializeAsync() => await fixture.ClearRegistryAsync();

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ImportFileAsync_ShouldKeepFieldsIntact_WhenQuotedFieldsHoldCommasQuotesAndNewLines()
    {
        // Arrange
        var file = _folder.Write("quotes.csv",
        [
            "uen,entity_name,street_name,primary_ssic_description",
            "100000001A,\"ACME, \"\"THE\"\" PTE. LTD.\",\"10 ANSON ROAD\nTOWER 2\",\"MAKING, \"\"THINGS\"\"\"",
            "100000002B,PLAIN PTE. LTD.,,",
            "100000003C,\"\",,",
        ]);

        // Act
        var result = await _importer.ImportFileAsync(file, new AcraImportOptions { MaxRejectShare = 0.5 }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((3L, 2L, 1L), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal(new ImportReject(5, "missing entity_name"), Assert.Single(result.Rejects));
        Assert.Equal("ACME, \"THE\" PTE. LTD.", await fixture.ScalarAsync<string>("SELECT entity_name FROM staging_acra_companies WHERE uen = '100000001A'"));
        Assert.Equal("10 ANSON ROAD\nTOWER 2", await fixture.ScalarAsync<string>("SELECT street_name FROM staging_acra_companies WHERE uen = '100000001A'"));
        Assert.Equal("MAKING, \"THINGS\"", await fixture.ScalarAsync<string>("SELECT primary_ssic_description FROM staging_acra_companies WHERE uen = '100000001A'"));
        Assert.True(await fixture.ScalarAsync<bool>("SELECT street_name IS NULL FROM staging_acra_companies WHERE uen = '100000002B'"));
        Assert.Equal("quotes.csv", await fixture.ScalarAsync<string>("SELECT source_file FROM staging_acra_companies WHERE uen = '100000002B'"));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldRecogniseFirstColumn_WhenFileStartsWithByteOrderMark()
    {
        // Arrange
        var file = _folder.Write("bom.csv", [Header, "200000001A,BOM PTE. LTD.,Live Company,2019-03-01,46900,2"], bom: true);

        // Act
        var result = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(result.Warnings);
        Assert.Equal(1L, result.Inserted);
        Assert.Equal("BOM PTE. LTD.", await fixture.ScalarAsync<string>("SELECT entity_name FROM staging_acra_companies WHERE uen = '200000001A'"));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldMapByNameAndWarnOncePerUnknownColumn_WhenColumnsAreReordered()
    {
        // Arrange
        var file = _folder.Write("reordered.csv",
        [
            "No Of Officers,favourite_colour,Primary SSIC Code,ENTITY_NAME,shoe_size,UEN",
            "7,blue,62011,REORDERED PTE. LTD.,42,300000001A",
            "3,red,62012,SECOND PTE. LTD.,40,300000002B",
        ]);

        // Act
        var result = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["unknown column 'favourite_colour' ignored", "unknown column 'shoe_size' ignored"], result.Warnings);
        Assert.Equal(2L, result.Inserted);
        Assert.Equal("62011|7|REORDERED PTE. LTD.", await fixture.ScalarAsync<string>(
            "SELECT concat_ws('|', primary_ssic_code, no_of_officers, entity_name) FROM staging_acra_companies WHERE uen = '300000001A'"));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldMapColumns_WhenHeadersAreDbfTruncatedAliases()
    {
        // Arrange
        var file = _folder.Write("dbf.csv",
        [
            "UEN,ENTITY_NAM,ENTITY_STATUS_DE,REGISTRATI,PRI_SSIC,PRIMARY_SSIC_DES,SEC_SSIC,NO_OF_OFFI,OTHER_ADD1,OTHER_ADDR",
            "400000001A,TRUNCATED PTE. LTD.,Live Company,01/02/2003,1111,GROWING OF FOOD CROPS,46900,5,ANNEX,x",
        ]);

        // Act
        var result = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1L, result.Inserted);
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("column 'OTHER_ADDR' could be any of other_address_line1, other_address_line2", warning, StringComparison.Ordinal);
        Assert.Equal("TRUNCATED PTE. LTD.|Live Company|2003-02-01|01111|GROWING OF FOOD CROPS|46900|5|ANNEX", await fixture.ScalarAsync<string>("""
            SELECT concat_ws('|', entity_name, entity_status_description, registration_incorporation_date, primary_ssic_code,
                             primary_ssic_description, secondary_ssic_code, no_of_officers, other_address_line1)
            FROM staging_acra_companies WHERE uen = '400000001A'
            """));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldParseBothDateFormatsAndPadCodes_WhenValuesVary()
    {
        // Arrange
        var file = _folder.Write("values.csv",
        [
            Header,
            "500000001A,ISO PTE. LTD.,Live,2019-03-01,1111,0",
            "500000002B,DMY PTE. LTD.,Live,01/03/2019,46900,12",
            "500000003C,SHORT PTE. LTD.,Live,1/3/2019,7,",
            "500000004D,NONE PTE. LTD.,Live,,na,na",
            "500000005E,NA PTE. LTD.,Live,na,,",
        ]);

        // Act
        var result = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((5L, 5L, 0L), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal("500000001A 2019-03-01 01111 0|500000002B 2019-03-01 46900 12|500000003C 2019-03-01 00007 -|500000004D - - -|500000005E - - -",
            await fixture.ScalarAsync<string>("""
                SELECT string_agg(concat_ws(' ', uen, coalesce(registration_incorporation_date::text, '-'), coalesce(primary_ssic_code, '-'),
                                            coalesce(no_of_officers::text, '-')), '|' ORDER BY uen)
                FROM staging_acra_companies
                """));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldRejectAndExplainEachBadRow_WhenRowsBreakTheRules()
    {
        // Arrange
        var longText = new string('x', AcraColumns.TextLimit + 1);
        var file = _folder.Write("bad.csv",
        [
            "uen,entity_name,street_name,registration_incorporation_date,primary_ssic_code,no_of_officers",
            "600000001A,GOOD PTE. LTD.,ROAD,2019-03-01,46900,1",
            ",NO UEN PTE. LTD.,ROAD,2019-03-01,46900,1",
            "600000000000000000001,LONG UEN PTE. LTD.,ROAD,2019-03-01,46900,1",
            "600000003C,,ROAD,2019-03-01,46900,1",
            $"600000004D,LONG STREET PTE. LTD.,{longText},2019-03-01,46900,1",
            "600000005E,BAD DATE PTE. LTD.,ROAD,2019-02-30,46900,1",
            "600000006F,BAD CODE PTE. LTD.,ROAD,2019-03-01,4690A,1",
            "600000007G,LONG CODE PTE. LTD.,ROAD,2019-03-01,469001,1",
            "600000008H,NEGATIVE PTE. LTD.,ROAD,2019-03-01,46900,-1",
            "600000009J,WORDS PTE. LTD.,ROAD,2019-03-01,46900,three",
            "600000001A,DUPLICATE PTE. LTD.,ROAD,2019-03-01,46900,1",
            "600000011L,SHORT ROW PTE. LTD.,ROAD",
            "600000012M,STRAY \"QUOTE PTE. LTD.,ROAD,2019-03-01,46900,1",
            "600000013N,\"MULTI",
            "LINE PTE. LTD.\",ROAD,2019-03-01,46900,1",
            "600000014P,AFTER MULTI PTE. LTD.,ROAD,2019-03-01,46900,x",
        ]);

        // Act
        var result = await _importer.ImportFileAsync(file, new AcraImportOptions { MaxRejectShare = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        ImportReject[] expected =
        [
            new(3, "missing uen"),
            new(4, "uen longer than 20 characters (21)"),
            new(5, "missing entity_name"),
            new(6, "street_name longer than 255 characters (256)"),
            new(7, "registration_incorporation_date '2019-02-30' is not a date (YYYY-MM-DD or DD/MM/YYYY)"),
            new(8, "primary_ssic_code '4690A' is not an SSIC code (1-5 digits)"),
            new(9, "primary_ssic_code '469001' is not an SSIC code (1-5 digits)"),
            new(10, "no_of_officers '-1' is not a non-negative whole number"),
            new(11, "no_of_officers 'three' is not a non-negative whole number"),
            new(12, "duplicate uen 600000001A (first on line 2)"),
            new(13, "wrong number of fields for the header"),
            new(14, "malformed quoting (a quote inside an unquoted field)"),
            new(17, "no_of_officers 'x' is not a non-negative whole number"),
        ];
        Assert.Equal(expected, result.Rejects.OrderBy(r => r.Line));
        Assert.Equal((15L, 2L, 13L), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal(["600000001A", "600000013N"], await UensAsync());

        Assert.Equal(AcraRejectWriter.PathFor(file), result.RejectsFile);
        var rejectLines = File.ReadAllText(result.RejectsFile!);
        Assert.StartsWith("line,reason,record\n", rejectLines, StringComparison.Ordinal);
        Assert.Contains("12,duplicate uen 600000001A (first on line 2),\"600000001A,DUPLICATE PTE. LTD.,ROAD,2019-03-01,46900,1\"", rejectLines, StringComparison.Ordinal);
        Assert.Contains("13,wrong number of fields for the header,\"600000011L,SHORT ROW PTE. LTD.,ROAD\"", rejectLines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFileAsync_ShouldReportZeroInsertedZeroUpdated_WhenSameFileIsImportedTwice()
    {
        // Arrange
        var file = _folder.Write("same.csv", Rows(1, 50, "Live Company"));
        var first = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        var before = await fixture.RegistryDigestAsync();

        // Act
        var second = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((50L, 50L, 0L, 0L), (first.RowsRead, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((50L, 0L, 0L, 50L, 0L), (second.RowsRead, second.Inserted, second.Updated, second.Unchanged, second.Rejected));
        Assert.Equal(before, await fixture.RegistryDigestAsync());
    }

    [Fact]
    public async Task ImportFileAsync_ShouldCountUpdatesAndInserts_WhenNewerFileChangesSomeRows()
    {
        // Arrange
        var old = _folder.Write("old.csv", Rows(1, 10, "Live Company"));
        await _importer.ImportFileAsync(old, cancellationToken: TestContext.Current.CancellationToken);
        await using (var age = fixture.DataSource.CreateCommand("UPDATE staging_acra_companies SET imported_at = '2020-01-01'"))
        {
            await age.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // Rows 1-7 as before, 8-10 struck off, 11-12 new.
        var newer = _folder.Write("newer.csv", [.. Rows(1, 7, "Live Company"), .. Rows(8, 10, "Struck Off").Skip(1), .. Rows(11, 12, "Live Company").Skip(1)]);

        // Act
        var result = await _importer.ImportFileAsync(newer, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((12L, 2L, 3L, 7L, 0L), (result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.Rejected));
        Assert.Equal(7L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE imported_at = '2020-01-01' AND source_file = 'old.csv'"));
        Assert.Equal(5L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE imported_at > '2020-01-01' AND source_file = 'newer.csv'"));
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_acra_companies WHERE entity_status_description = 'Struck Off'"));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldKeepColumnsTheFileLacks_WhenUpdatingExistingRows()
    {
        // Arrange
        var full = _folder.Write("full.csv", Rows(1, 2, "Live Company"));
        await _importer.ImportFileAsync(full, cancellationToken: TestContext.Current.CancellationToken);
        var partial = _folder.Write("partial.csv", ["uen,entity_name,entity_status_description", "700000001A,COMPANY 1 PTE. LTD.,Struck Off"]);

        // Act
        var result = await _importer.ImportFileAsync(partial, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal((0L, 1L, 0L), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal("Struck Off|46900|3", await fixture.ScalarAsync<string>(
            "SELECT concat_ws('|', entity_status_description, primary_ssic_code, no_of_officers) FROM staging_acra_companies WHERE uen = '700000001A'"));
    }

    [Fact]
    public async Task ImportFileAsync_ShouldFailAndWriteNothing_WhenRejectsExceedTheShare()
    {
        // Arrange
        await _importer.ImportFileAsync(_folder.Write("base.csv", Rows(1, 5, "Live Company")), cancellationToken: TestContext.Current.CancellationToken);
        var before = await fixture.RegistryDigestAsync();
        var lines = Rows(1, 20, "Struck Off");
        lines[3] = "700000003C,BROKEN,Struck Off,not a date,46900,3";
        lines[4] = ",NO UEN,Struck Off,2019-03-01,46900,3";
        var file = _folder.Write("mostly-good.csv", lines);

        // Act
        var error = await Assert.ThrowsAsync<ImportFailedException>(
            () => _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("2 of 20 rows rejected, more than 5%; nothing imported", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.RegistryDigestAsync());
        Assert.Equal(3, File.ReadAllLines(AcraRejectWriter.PathFor(file)).Length);

        // The same file passes with a looser limit.
        var loose = await _importer.ImportFileAsync(file, new AcraImportOptions { MaxRejectShare = 0.1 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((18L, 2L), (loose.Inserted + loose.Updated + loose.Unchanged, loose.Rejected));
    }

    [Fact]
    public async Task ImportAsync_ShouldLeaveTableAsItWas_WhenCancelledMidCopy()
    {
        // Arrange
        await _importer.ImportFileAsync(_folder.Write("base.csv", Rows(1, 5, "Live Company")), cancellationToken: TestContext.Current.CancellationToken);
        var before = await fixture.RegistryDigestAsync();
        var file = _folder.Write("big.csv", Rows(1, 5_000, "Struck Off"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var cancelledAt = 0L;
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == AcraImportPhase.Reading && p.RowsRead >= 2_000 && cancelledAt == 0)
            {
                cancelledAt = p.RowsRead;
                cancellation.Cancel();
            }
        });

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _importer.ImportFileAsync(file, new AcraImportOptions { ProgressEvery = 500 }, progress, cancellation.Token));

        // Assert
        Assert.Equal(2_000L, cancelledAt);
        Assert.Equal(before, await fixture.RegistryDigestAsync());
        var again = await _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((4_995L, 5L), (again.Inserted, again.Updated));
    }

    [Fact]
    public async Task ImportAsync_ShouldLeaveTableAsItWas_WhenServerKillsTheImportMidCopy()
    {
        // Arrange
        await _importer.ImportFileAsync(_folder.Write("base.csv", Rows(1, 5, "Live Company")), cancellationToken: TestContext.Current.CancellationToken);
        var before = await fixture.RegistryDigestAsync();
        var file = _folder.Write("killed.csv", Rows(1, 20_000, "Struck Off"));
        var killed = false;
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == AcraImportPhase.Reading && p.RowsRead >= 5_000 && !killed)
            {
                using var kill = fixture.DataSource.CreateCommand("""
                    SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'COPY acra_import%'
                    """);
                killed = (long)kill.ExecuteScalar()! == 1;
            }
        });

        // Act
        var error = await Record.ExceptionAsync(
            () => _importer.ImportFileAsync(file, new AcraImportOptions { ProgressEvery = 1_000 }, progress, TestContext.Current.CancellationToken));

        // Assert
        Assert.True(killed, "the import's backend was not found to terminate");
        Assert.NotNull(error);
        Assert.IsNotType<ImportFailedException>(error);
        Assert.Equal(before, await fixture.RegistryDigestAsync());
    }

    [Fact]
    public async Task ImportFileAsync_ShouldRebuildTheSameIndexes_WhenLoadingAnEmptyTable()
    {
        // Arrange
        const string indexesSql = """
            SELECT string_agg(pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid, E'\n' ORDER BY pg_get_indexdef(i.indexrelid))
            FROM pg_index i WHERE i.indrelid = 'staging_acra_companies'::regclass
            """;
        var before = await fixture.ScalarAsync<string>(indexesSql);
        var file = _folder.Write("first-load.csv", Rows(1, 200, "Live Company"));

        // Act
        var result = await _importer.ImportFileAsync(file, new AcraImportOptions { RebuildIndexesFromRows = 100 }, cancellationToken: TestContext.Current.CancellationToken);
        var again = await _importer.ImportFileAsync(file, new AcraImportOptions { RebuildIndexesFromRows = 100 }, cancellationToken: TestContext.Current.CancellationToken);

        // Assert
        Assert.True(result.IndexesRebuilt);
        Assert.Equal(200L, result.Inserted);
        Assert.False(again.IndexesRebuilt);
        Assert.Equal(200L, again.Unchanged);
        Assert.Equal(before, await fixture.ScalarAsync<string>(indexesSql));
        Assert.Contains("idx_staging_match_order", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFileAsync_ShouldLeaveTableAndIndexesAsTheyWere_WhenCancelledWhileRebuildingIndexes()
    {
        // Arrange
        const string indexesSql = "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'staging_acra_companies'";
        var before = await fixture.ScalarAsync<string>(indexesSql);
        var file = _folder.Write("rebuild.csv", Rows(1, 300, "Live Company"));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == AcraImportPhase.Indexing)
            {
                cancellation.Cancel();
            }
        });

        // Act
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _importer.ImportFileAsync(
            file, new AcraImportOptions { RebuildIndexesFromRows = 100 }, progress, cancellation.Token));

        // Assert
        Assert.Equal("empty", await fixture.RegistryDigestAsync());
        Assert.Equal(before, await fixture.ScalarAsync<string>(indexesSql));
        Assert.Contains("staging_acra_companies_pkey", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFileAsync_ShouldFailNamingTheColumn_WhenUenColumnIsMissing()
    {
        // Arrange
        var file = _folder.Write("no-uen.csv", ["entity_name,primary_ssic_code", "NAMELESS PTE. LTD.,46900"]);

        // Act
        var error = await Assert.ThrowsAsync<ImportFailedException>(
            () => _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Equal("no-uen.csv: no uen column (accepted names: uen, uen_no, uen_number).", error.Message);
    }

    [Fact]
    public async Task ImportFileAsync_ShouldFailWritingNothing_WhenAQuoteIsNeverClosed()
    {
        // Arrange
        var file = _folder.Write("unclosed.csv", [Header, "800000001A,FINE PTE. LTD.,Live,2019-03-01,46900,1", "800000002B,\"OPEN PTE. LTD.,Live,2019-03-01,46900,1", "800000003C,LOST PTE. LTD.,Live,2019-03-01,46900,1"]);

        // Act
        var error = await Assert.ThrowsAsync<ImportFailedException>(
            () => _importer.ImportFileAsync(file, cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("line 3: a quoted field is never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal("empty", await fixture.RegistryDigestAsync());
    }

    private async Task<List<string>> UensAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT uen FROM staging_acra_companies ORDER BY uen");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var uens = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            uens.Add(reader.GetString(0));
        }

        return uens;
    }

    /// <summary>A header and rows first..last of a simple company file (UEN 7000000nnX).</summary>
    private static List<string> Rows(int first, int last, string status)
        => [Header, .. Enumerable.Range(first, last - first + 1).Select(i => $"{700_000_000 + i}A,COMPANY {i} PTE. LTD.,{status},2019-03-01,46900,3")];

    /// <summary>Reports on the importing thread, unlike <see cref="Progress{T}"/>, so a test can act at an exact row.</summary>
    private sealed class SyncProgress(Action<AcraImportProgress> report) : IProgress<AcraImportProgress>
    {
        public void Report(AcraImportProgress value) => report(value);
    }
}
