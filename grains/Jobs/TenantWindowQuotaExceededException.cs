namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A batch would take its tenant past <see cref="TenantWindowQuota.MaxRows"/> in the window (another job of the
/// tenant used the rest first): nothing of it was written.
/// </summary>
public sealed class TenantWindowQuotaExceededException : Exception
{
    public TenantWindowQuotaExceededException()
    {
    }

    public TenantWindowQuotaExceededException(string message)
        : base(message)
    {
    }

    public TenantWindowQuotaExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
