namespace IcpSearch.Silo.Dashboard;

/// <summary>
/// The silo's HTTP operator surface (dashboard, <c>/metrics</c>, <c>/healthz</c>): where it listens and who may open the dashboard.
/// </summary>
public sealed class SiloHttpOptions
{
    /// <summary>Gets or sets the IP address the HTTP listener binds (<c>SILO_HTTP_BIND</c>); 0.0.0.0 or :: for every interface. Default: 127.0.0.1.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the HTTP port (<c>SILO_HTTP_PORT</c>), 1 to 65535; unset with <c>--urls</c> or <c>ASPNETCORE_URLS</c> given, those win. Default: 8081.</summary>
    public int? Port { get; set; }

    /// <summary>Gets or sets the dashboard's basic-auth user name (<c>DASHBOARD_USERNAME</c>); set together with the password. Default: unset (no authentication).</summary>
    public string? DashboardUsername { get; set; }

    /// <summary>Gets or sets the dashboard's basic-auth password (<c>DASHBOARD_PASSWORD</c>), at least 12 characters. Default: unset.</summary>
    public string? DashboardPassword { get; set; }

    /// <summary>Gets whether the dashboard asks for credentials.</summary>
    public bool DashboardProtected => !string.IsNullOrEmpty(DashboardUsername) && !string.IsNullOrEmpty(DashboardPassword);
}
