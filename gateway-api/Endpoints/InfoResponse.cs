namespace IcpSearch.Gateway.Endpoints;

/// <summary>What the service is.</summary>
public sealed record InfoResponse(string Service, string Version, string Environment, int ChatDebounceMs, AuthInfo Auth);
