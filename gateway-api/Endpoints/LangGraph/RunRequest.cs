namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// A validated <c>POST /threads/{id}/runs/stream</c> body.
/// </summary>
/// <param name="MessagesJson">Gets the input messages (ids assigned, roles as LangChain types), a JSON array.</param>
/// <param name="Text">Gets the text of the last human message.</param>
/// <param name="StreamModes">Gets the stream modes asked for (default: values).</param>
/// <param name="AfterSeconds">Gets the delay before the run starts, in seconds.</param>
/// <param name="CancelOnDisconnect">Gets whether a dropped connection cancels the run (on_disconnect: cancel).</param>
/// <param name="CreateIfMissing">Gets whether a missing thread is created (if_not_exists: create).</param>
public sealed record RunRequest(string MessagesJson, string Text, IReadOnlySet<string> StreamModes, double AfterSeconds, bool CancelOnDisconnect, bool CreateIfMissing);
