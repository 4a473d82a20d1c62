using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// One step of a document's life, as Hocuspocus extensions: the room calls every hook in registration order at each
/// stage. Authenticate and change may refuse (the first refusal wins and nothing further runs); load and store run
/// in order; disconnect informs. Hooks keep no lock of the room and never send frames themselves.
/// </summary>
public abstract class RoomHook
{
    /// <summary>Loads what is stored of the document into its (empty) <see cref="YDoc"/>.</summary>
    public virtual ValueTask OnLoadAsync(DocumentRoom room, YDoc document) => ValueTask.CompletedTask;

    /// <summary>Decides whether the connection may open the document; returns the refusal or null.</summary>
    public virtual string? OnAuthenticate(DocumentRoom room, RoomConnection connection) => null;

    /// <summary>
    /// Decides whether an update from the connection may be applied; returns the refusal or null. Changes the server
    /// makes itself (<see cref="DocumentRoom.ChangeAsync"/>, decided by the workflow) do not pass here.
    /// </summary>
    public virtual string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update) => null;

    /// <summary>
    /// Stores an update before it is applied; the room applies and broadcasts it only after every store hook has
    /// completed, and not at all when one fails. Client updates come here one by one unless the batch overload is
    /// overridden; changes the server makes come here directly.
    /// </summary>
    public virtual Task OnStoreAsync(DocumentRoom room, byte[] update) => Task.CompletedTask;

    /// <summary>
    /// Stores the client updates that reached the room's write turn together, oldest first, each with the connection
    /// that sent it. Unless overridden, each goes to <see cref="OnStoreAsync(DocumentRoom, byte[])"/> in turn; a hook
    /// that can store them in one transaction, or needs to know who sent them, does so here.
    /// </summary>
    public virtual async Task OnStoreAsync(DocumentRoom room, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            await OnStoreAsync(room, update.Update).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores an update as <see cref="OnStoreAsync(DocumentRoom, byte[])"/> (which it calls unless overridden), with
    /// the negotiation state a server-made change brings about (an accepted amendment), or null. A hook that keeps
    /// the negotiation too may store both in one transaction.
    /// </summary>
    public virtual Task OnStoreAsync(DocumentRoom room, byte[] update, NegotiationState? negotiationAfter) => OnStoreAsync(room, update);

    /// <summary>
    /// A frame (an update once stored, or awareness) went out to the room's connections. Frames relayed from other
    /// nodes do not pass here.
    /// </summary>
    public virtual void OnBroadcast(DocumentRoom room, byte[] frame)
    {
    }

    /// <summary>The connection has left the document.</summary>
    public virtual void OnDisconnect(DocumentRoom room, RoomConnection connection)
    {
    }
}

/// <summary>A client's update on its way to be stored: the bytes as the change hooks saw them, and who sent them.</summary>
/// <param name="Connection">The connection that sent the update.</param>
/// <param name="Update">The update (format V1).</param>
public sealed record ClientUpdate(RoomConnection Connection, byte[] Update);
