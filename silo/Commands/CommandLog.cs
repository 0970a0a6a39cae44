namespace IcpSearch.Silo.Commands;

/// <summary>
/// The log lines of the commands when their output is not a terminal (CI, a log file, <c>run.sh</c>).
/// </summary>
public static partial class CommandLog
{
    [LoggerMessage(EventId = 600, EventName = "import_progress", Level = LogLevel.Information,
        Message = "{File}: {Rows:N0} rows read ({Percent:0}%), {RowsPerSecond:N0} rows/s, ETA {Eta}")]
    public static partial void Progress(ILogger logger, string file, long rows, double percent, double rowsPerSecond, string eta);

    [LoggerMessage(EventId = 601, EventName = "import_phase", Level = LogLevel.Information,
        Message = "{File}: {Rows:N0} rows read, {Phase}")]
    public static partial void Phase(ILogger logger, string file, long rows, string phase);

    [LoggerMessage(EventId = 602, EventName = "import_file_done", Level = LogLevel.Information,
        Message = "{File}: {Rows:N0} rows read, {Inserted:N0} inserted, {Updated:N0} updated, {Unchanged:N0} unchanged, {Rejected:N0} rejected, {RowsPerSecond:N0} rows/s")]
    public static partial void FileDone(ILogger logger, string file, long rows, long inserted, long updated, long unchanged, long rejected, double rowsPerSecond);

    [LoggerMessage(EventId = 603, EventName = "import_file_failed", Level = LogLevel.Error,
        Message = "{Error}")]
    public static partial void FileFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 604, EventName = "import_file_start", Level = LogLevel.Information,
        Message = "{File}: importing ({Megabytes:0.0} MB)")]
    public static partial void FileStart(ILogger logger, string file, double megabytes);

    // Warning, so it shows on a terminal too (commands there log warnings and above only).
    [LoggerMessage(EventId = 605, EventName = "database_from_run_file", Level = LogLevel.Warning,
        Message = "ICPSEARCH_DB is not set: using the database ./run.sh started (connection string read from {File})")]
    public static partial void DatabaseFromRunFile(ILogger logger, string file);
}
