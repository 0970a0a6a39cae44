using System.Net.Sockets;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Stable error codes a failed job reports, and the fixed descriptions shown with them, derived from the exception
/// that stopped it.
/// </summary>
public static class JobErrorCodes
{
    public const string DbUnavailable = "db_unavailable";
    public const string DbTimeout = "db_timeout";
    public const string StagingSchemaMismatch = "staging_schema_mismatch";
    public const string BatchFailed = "batch_failed";
    public const string StateUnsaved = "job_state_unsaved";

    /// <summary>Returns the code describing <paramref name="exception"/>.</summary>
    public static string Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "42P01" or "42703" or "42804" or "42883" } => StagingSchemaMismatch,
        PostgresException { SqlState: "57014" } => DbTimeout,
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal)
            || state is "57P01" or "57P02" or "57P03" or "53300" => DbUnavailable,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => DbUnavailable,
        NpgsqlException { InnerException: null } npgsql when npgsql is not PostgresException => DbUnavailable,
        TimeoutException => DbTimeout,
        _ => BatchFailed,
    };

    /// <summary>
    /// Returns the text stored as the job's error, safe to show a tenant: a fixed sentence per code (from
    /// <see cref="Classify"/>), plus the SQLSTATE when PostgreSQL raised the error. Never the exception's message,
    /// which can carry SQL, row values or connection details; those go to the log only.
    /// </summary>
    public static string Describe(string code, Exception exception)
    {
        var sqlState = exception is PostgresException postgres ? $" (SQLSTATE {postgres.SqlState})" : "";
        return code switch
        {
            DbUnavailable => $"The database could not be reached{sqlState}; the job stopped after its retries.",
            DbTimeout => $"The database did not answer in time{sqlState}; the job stopped after its retries.",
            StagingSchemaMismatch => $"The staging table does not have the expected columns{sqlState}; run the migrations and re-import.",
            StateUnsaved => $"The job's progress could not be saved{sqlState}; it stopped after its retries. The rows processed so far are kept.",
            _ => $"A batch failed{sqlState}; the job stopped after its retries. The silo log has the details under this job id.",
        };
    }
}
