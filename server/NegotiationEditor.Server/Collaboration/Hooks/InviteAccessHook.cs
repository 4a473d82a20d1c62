using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Access;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>
/// Deny by default on the live channels: a connection opens a document only if its invite is valid and its
/// participant may read the document; an update is applied only if the participant may type in the text now (the
/// chair's on-screen drafting switch, adoption, removal and revoked invites all count). The decision is taken again
/// whenever the negotiation has changed since the last one; a connection whose invite no longer holds is closed.
/// </summary>
public sealed class InviteAccessHook(LiveNegotiation negotiation) : RoomHook
{
    /// <inheritdoc />
    public override string? OnAuthenticate(DocumentRoom room, RoomConnection connection)
    {
        var state = negotiation.Current;
        var participant = state.Authenticate(connection.Token);
        if (!participant.Succeeded)
        {
            return participant.Refusal!.Message;
        }
        var read = state.MayDo(participant.Value.Id, NegotiationAction.Read, room.Id);
        return read.IsAllowed ? null : read.Reason;
    }

    /// <inheritdoc />
    public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update)
    {
        var state = negotiation.Current;
        if (!ReferenceEquals(connection.AccessCheckedOn, state) || connection.WriteAccess is null)
        {
            var participant = state.Authenticate(connection.Token);
            if (!participant.Succeeded)
            {
                connection.Close(participant.Refusal!.Message);
                return participant.Refusal!.Message;
            }
            connection.WriteAccess = state.MayDo(participant.Value.Id, NegotiationAction.EditText, room.Id);
            connection.AccessCheckedOn = state;
        }
        return connection.WriteAccess.IsAllowed ? null : connection.WriteAccess.Reason;
    }
}
