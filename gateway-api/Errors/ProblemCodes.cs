namespace IcpSearch.Gateway.Errors;

/// <summary>
/// The stable error codes of the API; each is also the last segment of the problem's <c>type</c> URI.
/// </summary>
public static class ProblemCodes
{
    public const string InvalidJson = "invalid_json";
    public const string ValidationFailed = "validation_failed";
    public const string InvalidText = "invalid_text";
    public const string BodyTooLarge = "body_too_large";
    public const string NotFound = "not_found";
    public const string RouteNotFound = "route_not_found";
    public const string JobNotFound = "job_not_found";
    public const string JobState = "job_state_conflict";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string TenantRequired = "tenant_required";
    public const string TenantMismatch = "tenant_mismatch";
    public const string RateLimited = "rate_limited";
    public const string ClusterUnavailable = "cluster_unavailable";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Internal = "internal_error";

    /// <summary>Returns the problem <c>type</c> URI of a code.</summary>
    public static string TypeOf(string code) => $"https://icpsearch.dev/problems/{code.Replace('_', '-')}";
}
