using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Hubs;

/// <summary>
/// The live channel over SignalR: a client joins documents and sends y-websocket frames for them; the server
/// answers and broadcasts with <see cref="ICollabClient.Receive"/>. The hub only carries frames to the document
/// rooms; everything else happens in the rooms and their hooks.
/// </summary>
[Authorize]
public sealed class CollabHub(DocumentRooms rooms, LiveNegotiation negotiation) : Hub<ICollabClient>
{
    /// <summary>The SignalR group of a document's connections.</summary>
    public static string GroupOf(string documentId) => "document:" + documentId;

    /// <summary>Opens a document: the server then sends its sync step 1, sync step 2 and the awareness states.</summary>
    /// <exception cref="HubException">The document does not exist or the participant may not read it.</exception>
    public async Task Join(string documentId)
    {
        if (!DocumentId.TryParse(documentId, out var id))
        {
            throw new HubException($"'{documentId}' is not a document id");
        }
        var joined = Joined;
        if (joined.ContainsKey(id.ToString()))
        {
            throw new HubException("this connection has already joined the document");
        }
        var token = InviteAuthenticationHandler.TokenOf(Context.User!)
            ?? throw new HubException("an invite token is needed");
        var participant = negotiation.Authenticate(token);
        if (!participant.Succeeded)
        {
            throw new HubException(participant.Refusal!.Message);
        }

        DocumentRoom room;
        try
        {
            room = await rooms.AcquireAsync(id);
        }
        catch (KeyNotFoundException exception)
        {
            throw new HubException(exception.Message);
        }

        var connection = new HubRoomConnection(Context, Clients.Caller, room.IdText, participant.Value, token);
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(room.IdText));
            if (await room.JoinAsync(connection) is { } refusal)
            {
                await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(room.IdText));
                rooms.Release(room);
                throw new HubException(refusal);
            }
        }
        catch (Exception exception) when (exception is not HubException)
        {
            rooms.Release(room);
            throw;
        }
        joined[room.IdText] = new Membership(room, connection);
    }

    /// <summary>
    /// Sends one y-websocket frame for a joined document. A frame for a document the connection has not joined is
    /// refused like any other refused frame: an auth frame comes back on <see cref="ICollabClient.Receive"/> (a frame
    /// sent without waiting for an answer has no other way back, and an exception there would only fill the log).
    /// </summary>
    public Task Send(string documentId, byte[] frame)
    {
        if (documentId is null || !Joined.TryGetValue(documentId, out var membership))
        {
            return Clients.Caller.Receive(documentId ?? string.Empty, DocumentRoom.PermissionDenied(NotJoined));
        }
        return membership.Room.ReceiveAsync(membership.Connection, frame ?? []);
    }

    /// <summary>The reason of the auth frame that answers a frame for a document the connection has not joined.</summary>
    public const string NotJoined = "join the document before sending frames for it";

    /// <summary>Leaves a document.</summary>
    public async Task Leave(string documentId)
    {
        if (documentId is not null && Joined.TryRemove(documentId, out var membership))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(documentId));
            LeaveRoom(membership);
        }
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var membership in Joined.Values)
        {
            LeaveRoom(membership);
        }
        Joined.Clear();
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<string, Membership> Joined
    {
        get
        {
            if (Context.Items.TryGetValue(typeof(Membership), out var found) && found is ConcurrentDictionary<string, Membership> joined)
            {
                return joined;
            }
            // Invocations of one connection run one at a time, so this is never raced.
            joined = new ConcurrentDictionary<string, Membership>();
            Context.Items[typeof(Membership)] = joined;
            return joined;
        }
    }

    private void LeaveRoom(Membership membership)
    {
        if (membership.Room.Leave(membership.Connection))
        {
            rooms.Release(membership.Room);
        }
    }

    private sealed record Membership(DocumentRoom Room, HubRoomConnection Connection);
}
