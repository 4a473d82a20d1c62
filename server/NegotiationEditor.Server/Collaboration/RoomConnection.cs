using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// One client's presence in one document room, whatever the channel (a SignalR connection that joined the document,
/// or a WebSocket on <c>/ws/{documentId}</c>). The room reads and writes frames through it; the hooks keep their
/// per-connection state on it.
/// </summary>
public abstract class RoomConnection
{
    /// <summary>Creates a connection authenticated with <paramref name="token"/> as <paramref name="participant"/>.</summary>
    protected RoomConnection(string id, Participant participant, InviteToken token)
    {
        Id = id;
        Participant = participant;
        Token = token;
    }

    /// <summary>The channel's connection id.</summary>
    public string Id { get; }

    /// <summary>The participant, as authenticated when the connection was made.</summary>
    public Participant Participant { get; }

    /// <summary>The invite token the connection was made with (checked again whenever the negotiation changes).</summary>
    public InviteToken Token { get; }

    /// <summary>Whether the connection receives broadcasts through its SignalR group rather than one by one.</summary>
    public abstract bool ReceivesGroupBroadcasts { get; }

    /// <summary>
    /// The sending lane its broadcast frames are written on (<see cref="SendingLanes"/>), set when it joins; not used
    /// for a connection that receives group broadcasts.
    /// </summary>
    internal int Lane { get; set; }

    /// <summary>How many malformed or oversized frames the connection has sent.</summary>
    public int Faults { get; internal set; }

    /// <summary>The negotiation state the write decision below was taken on (access hook's cache).</summary>
    internal NegotiationState? AccessCheckedOn { get; set; }

    /// <summary>Whether the connection may change the text, and if not why (access hook's cache).</summary>
    internal AccessDecision? WriteAccess { get; set; }

    /// <summary>Sends one frame to this connection only.</summary>
    public abstract ValueTask DeliverAsync(byte[] frame);

    /// <summary>
    /// Sends one frame of a broadcast, which the other receivers are handed too: a channel that can share work between
    /// them (<see cref="BroadcastFrame.Prepared{T}"/>) overrides it; by default it is <see cref="DeliverAsync"/>.
    /// </summary>
    public virtual ValueTask DeliverBroadcastAsync(BroadcastFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return DeliverAsync(frame.Bytes);
    }

    /// <summary>Closes the connection, telling the client why where the channel allows it.</summary>
    public abstract void Close(string reason);

    /// <inheritdoc />
    public override string ToString() => $"{Participant.Name} ({Id})";
}
