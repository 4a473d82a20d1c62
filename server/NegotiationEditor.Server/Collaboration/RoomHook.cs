using NegotiationEditor.Crdt;

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

    /// <summary>Stores an applied update; the room broadcasts it only after every store hook has completed.</summary>
    public virtual Task OnStoreAsync(DocumentRoom room, byte[] update) => Task.CompletedTask;

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
