namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// What a run is asked to do: the messages to append and the human text to search with.
/// </summary>
/// <param name="MessagesJson">Gets the input messages to append, a JSON array of message objects that all carry an id.</param>
/// <param name="Text">Gets the text of the last human message, 1 to 4,000 characters.</param>
/// <param name="GraphId">Gets the graph the run uses (recorded in the thread's metadata as graph_id).</param>
/// <param name="AssistantId">Gets the assistant id (recorded as assistant_id).</param>
/// <param name="AfterSeconds">Gets how long the run waits before searching, 0 to 10 seconds (cancellable meanwhile).</param>
/// <param name="ConsoleUrl">Gets the absolute URL of the web console, linked from the answer.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.RunInput")]
public sealed record RunInput(string MessagesJson, string Text, string GraphId, string AssistantId, double AfterSeconds, string ConsoleUrl);
