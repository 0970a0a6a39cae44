namespace IcpSearch.Grains.Demo;

/// <summary>
/// Writes registry rows straight into <c>staging_acra_companies</c> with binary COPY, bypassing the CSV importer's
/// checks and merge: for benchmarks and tests that need many exact rows fast. Real files go through the importer.
/// </summary>
public static class RegistryCopy
{
    /// <summary>Appends <paramref name="rows"/> (their UENs must be new) and returns how many were written.</summary>
    public static async Task<ulong> AppendAsync(NpgsqlDataSource dataSource, IEnumerable<AcraRecord> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The columns in AcraRecord.CsvHeader order, the order the fields are written below.
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY staging_acra_companies ({string.Join(", ", AcraRecord.CsvHeader)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var r in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(r.Uen, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(r.EntityName, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(r.EntityTypeDescription, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(r.EntityStatusDescription, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(r.RegistrationIncorporationDate, NpgsqlDbType.Date, cancellationToken);
            foreach (var text in (string?[])[r.Block, r.StreetName, r.LevelNo, r.UnitNo, r.BuildingName, r.PostalCode,
                         r.PrimarySsicCode, r.PrimarySsicDescription, r.SecondarySsicCode, r.SecondarySsicDescription])
            {
                if (text is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);
                }
            }

            await importer.WriteAsync(r.NoOfOfficers, NpgsqlDbType.Integer, cancellationToken);
        }

        return await importer.CompleteAsync(cancellationToken);
    }
}
