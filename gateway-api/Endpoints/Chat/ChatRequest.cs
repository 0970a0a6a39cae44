namespace IcpSearch.Gateway.Endpoints.Chat;

/// <summary>A chat message.</summary>
/// <param name="Message">The message, 1 to 4,000 characters.</param>
public sealed record ChatRequest(string? Message);
