namespace NegotiationEditor.Server.Hubs;

/// <summary>What the server calls on clients of <c>/hubs/collab</c>.</summary>
public interface ICollabClient
{
    /// <summary>One y-websocket frame for the document <paramref name="documentId"/>.</summary>
    Task Receive(string documentId, byte[] frame);
}
