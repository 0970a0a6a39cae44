using IcpSearch.Grains.Demo;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Registry rows for tests: exact fixtures written with <see cref="RegistryCopy"/>.
/// </summary>
public static class StagingSeeder
{
    /// <summary>Inserts <paramref name="rows"/> and returns how many were written.</summary>
    public static Task<ulong> InsertAsync(NpgsqlDataSource dataSource, IEnumerable<AcraRecord> rows)
        => RegistryCopy.AppendAsync(dataSource, rows, TestContext.Current.CancellationToken);

    /// <summary>Returns a row with sensible defaults for the fields a test does not care about.</summary>
    public static AcraRecord Row(string uen, string name, string code, string status = "Live Company", string? secondary = null, int year = 2015, int officers = 4)
        => new(uen, name, "Local Company", status, new DateOnly(year, 3, 1), "1", "TEST ROAD", null, null, null, "569830",
            code, "TEST ACTIVITY " + code, secondary, secondary is null ? null : "SECONDARY " + secondary, officers);
}
