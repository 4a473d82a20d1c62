using Microsoft.AspNetCore.SignalR;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Hubs;

/// <summary>A SignalR connection's presence in one document: broadcasts reach it through the document's group.</summary>
internal sealed class HubRoomConnection(HubCallerContext context, ICollabClient caller, string documentId, Participant participant, InviteToken token)
    : RoomConnection(context.ConnectionId, participant, token)
{
    public override bool ReceivesGroupBroadcasts => true;

    public override ValueTask DeliverAsync(byte[] frame) => new(caller.Receive(documentId, frame));

    public override void Close(string reason) => context.Abort();
}
