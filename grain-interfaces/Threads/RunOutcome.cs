namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// How a run ended.
/// </summary>
/// <param name="RunId">Gets the run id.</param>
/// <param name="Status">Gets the run status: success, interrupted (cancelled) or error.</param>
/// <param name="ValuesJson">Gets the thread's values after the run, as JSON.</param>
/// <param name="AnswerJson">Gets the AI message the run added (a JSON object), or null when it added none.</param>
/// <param name="ErrorCode">Gets a stable error code when the run failed, or null.</param>
/// <param name="ErrorMessage">Gets a message for the user when the run failed, or null; never exception text.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.RunOutcome")]
public sealed record RunOutcome(Guid RunId, string Status, string ValuesJson, string? AnswerJson, string? ErrorCode, string? ErrorMessage);
