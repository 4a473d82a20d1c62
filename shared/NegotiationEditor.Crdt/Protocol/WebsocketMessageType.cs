namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// The first number of a y-websocket frame (y-websocket 1.x to 3.x): what the rest of the frame holds.
/// </summary>
public enum WebsocketMessageType
{
    /// <summary>A y-protocols sync message follows, with no extra length prefix.</summary>
    Sync = 0,

    /// <summary>An awareness update follows, as length-prefixed bytes.</summary>
    Awareness = 1,

    /// <summary>An auth message follows: <c>varuint 0</c> (permission denied) and a reason.</summary>
    Auth = 2,

    /// <summary>Nothing follows; the receiver answers with every awareness state it knows.</summary>
    QueryAwareness = 3,
}
