namespace NegotiationEditor.Crdt.Protocol;

/// <summary>What an awareness instance knows about a client besides its state.</summary>
/// <param name="Clock">The highest clock received from (or used by) the client.</param>
/// <param name="LastUpdated">When the entry was last accepted, by the awareness's time provider.</param>
public readonly record struct AwarenessMeta(ulong Clock, DateTimeOffset LastUpdated);
