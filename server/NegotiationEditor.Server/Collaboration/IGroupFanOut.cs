namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// Sends one frame to every connection of a document on this node that receives group broadcasts (the SignalR hub's
/// group), encoding it once per hub protocol. Never to other nodes' connections: they get the frame from the document
/// relay, so that each connection receives it once.
/// </summary>
public interface IGroupFanOut
{
    /// <summary>Sends <paramref name="frame"/> to the document's group on this node, except to <paramref name="exceptConnectionId"/>.</summary>
    Task BroadcastAsync(string documentId, byte[] frame, string? exceptConnectionId);
}
