namespace NegotiationEditor.Crdt;

/// <summary>
/// Identifies one clock tick of one client: the <c>ID</c> of Yjs. Client ids are unsigned and
/// compared as such; clocks count UTF-16 code units, array elements and other content units.
/// </summary>
/// <param name="Client">The client that created the content.</param>
/// <param name="Clock">The position in that client's history.</param>
public readonly record struct StructId(ulong Client, long Clock)
{
    /// <summary>Shows the id as <c>client:clock</c>.</summary>
    public override string ToString() => $"{Client}:{Clock}";
}
