namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// Sends one frame to every connection of a document that receives group broadcasts (the SignalR hub's group),
/// encoding it once per hub protocol.
/// </summary>
public interface IGroupFanOut
{
    /// <summary>Sends <paramref name="frame"/> to the document's group, except to <paramref name="exceptConnectionId"/>.</summary>
    Task BroadcastAsync(string documentId, byte[] frame, string? exceptConnectionId);
}
