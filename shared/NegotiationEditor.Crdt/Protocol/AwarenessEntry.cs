namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// One client's entry in an awareness update: its id, its clock and its state as JSON text
/// (<see langword="null"/> when the client has left or was removed).
/// </summary>
/// <param name="ClientId">The awareness client id (the same number space as document client ids).</param>
/// <param name="Clock">Grows by one each time the client changes or renews its state.</param>
/// <param name="StateJson">The state as JSON text, or <see langword="null"/> for "no state".</param>
public sealed record AwarenessEntry(ulong ClientId, ulong Clock, string? StateJson);
