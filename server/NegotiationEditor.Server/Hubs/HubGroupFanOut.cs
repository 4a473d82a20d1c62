using Microsoft.AspNetCore.SignalR;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Hubs;

/// <summary>Broadcasts through the hub's groups: SignalR serializes the message once per protocol for the whole group.</summary>
internal sealed class HubGroupFanOut(IHubContext<CollabHub, ICollabClient> hub) : IGroupFanOut
{
    public Task BroadcastAsync(string documentId, byte[] frame, string? exceptConnectionId)
    {
        var group = CollabHub.GroupOf(documentId);
        var clients = exceptConnectionId is null ? hub.Clients.Group(group) : hub.Clients.GroupExcept(group, exceptConnectionId);
        return clients.Receive(documentId, frame);
    }
}
