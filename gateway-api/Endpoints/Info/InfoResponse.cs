namespace IcpSearch.Gateway.Endpoints.Info;

/// <summary>What the service is.</summary>
public sealed record InfoResponse(string Service, string Version, string Environment, int ChatDebounceMs, AuthInfo Auth);
