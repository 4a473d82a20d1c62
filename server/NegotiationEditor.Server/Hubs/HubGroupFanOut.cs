using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Hubs;

/// <summary>
/// Broadcasts to this node's connections in the document's group, serializing the message once per protocol for all
/// of them. It never goes through the Redis backplane: another node's hub clients get the frame from the document
/// relay, once.
/// </summary>
internal sealed class HubGroupFanOut(NodeLocalHubLifetimeManager connections) : IGroupFanOut
{
    public Task BroadcastAsync(string documentId, byte[] frame, string? exceptConnectionId) =>
        connections.SendToLocalGroupAsync(
            CollabHub.GroupOf(documentId),
            new SerializedHubMessage(new InvocationMessage(nameof(ICollabClient.Receive), [documentId, frame])),
            exceptConnectionId);
}
