using DbUp.Engine.Output;

namespace IcpSearch.Grains.Database;

/// <summary>
/// Routes DbUp's progress messages into <see cref="ILogger"/> at debug level; failures surface as exceptions instead.
/// </summary>
internal sealed class UpgradeLogAdapter(ILogger logger) : IUpgradeLog
{
#pragma warning disable CA2254 // DbUp hands over composite-format templates; they are constant per call site inside DbUp.
    public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

    public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogInformation(string format, params object[] args) => logger.LogDebug(format, args);

    public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

    public void LogError(string format, params object[] args) => logger.LogError(format, args);

    public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
#pragma warning restore CA2254
}
