using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Testing;

/// <summary>
/// The client side of the y-websocket protocol over a local <see cref="YDoc"/>, as a browser provider does it:
/// answers sync step 1, applies sync step 2 and updates, records auth frames, and turns local edits into update
/// frames. Thread-safe: every call takes the peer's lock.
/// </summary>
public sealed class SyncingPeer
{
    private readonly Lock _gate = new();
    private readonly List<string> _denials = [];
    private readonly List<byte[]> _outgoing = [];
    private int _updatesReceived;
    private bool _synced;

    /// <summary>A peer with an empty document (of that client id, when given).</summary>
    public SyncingPeer(ulong? clientId = null)
    {
        Doc = clientId is { } id ? new YDoc(id) : new YDoc();
        Doc.Updated += (_, update) =>
        {
            if (!ReferenceEquals(update.Origin, this))
            {
                _outgoing.Add(new WebsocketSyncMessage(SyncMessage.Update(update.Update)).ToArray());
            }
        };
    }

    /// <summary>The peer's document.</summary>
    public YDoc Doc { get; }

    /// <summary>The live text as this peer holds it.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return Doc.GetText(LiveText.RootName).ToString();
            }
        }
    }

    /// <summary>Whether the server's sync step 2 arrived.</summary>
    public bool Synced
    {
        get
        {
            lock (_gate)
            {
                return _synced;
            }
        }
    }

    /// <summary>How many sync frames carrying updates arrived.</summary>
    public int UpdatesReceived
    {
        get
        {
            lock (_gate)
            {
                return _updatesReceived;
            }
        }
    }

    /// <summary>The reasons of the permission-denied frames that arrived.</summary>
    public IReadOnlyList<string> Denials
    {
        get
        {
            lock (_gate)
            {
                return [.. _denials];
            }
        }
    }

    /// <summary>The frame a provider sends first: its sync step 1.</summary>
    public byte[] SyncStepOne()
    {
        lock (_gate)
        {
            return new WebsocketSyncMessage(SyncMessage.SyncStep1(Y.EncodeStateVector(Doc))).ToArray();
        }
    }

    /// <summary>Handles one frame from the server; returns the frame to answer with, if any.</summary>
    public byte[]? Handle(byte[] frame)
    {
        lock (_gate)
        {
            switch (WebsocketMessage.Read(frame))
            {
                case WebsocketSyncMessage { Sync.Type: SyncMessageType.SyncStep1 } sync:
                    return new WebsocketSyncMessage(SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(Doc, sync.Sync.Payload.ToArray()))).ToArray();
                case WebsocketSyncMessage sync:
                    Y.ApplyUpdate(Doc, sync.Sync.Payload.ToArray(), this);
                    _updatesReceived++;
                    _synced |= sync.Sync.Type == SyncMessageType.SyncStep2;
                    return null;
                case WebsocketPermissionDeniedMessage denied:
                    _denials.Add(denied.Reason);
                    return null;
                default:
                    return null;
            }
        }
    }

    /// <summary>Edits the local text; returns the update frames to send.</summary>
    public IReadOnlyList<byte[]> Edit(Action<YText> edit)
    {
        lock (_gate)
        {
            _outgoing.Clear();
            Doc.Transact(_ => edit(Doc.GetText(LiveText.RootName)));
            var frames = _outgoing.ToList();
            _outgoing.Clear();
            return frames;
        }
    }

    /// <summary>Appends text at the end; returns the update frames to send.</summary>
    public IReadOnlyList<byte[]> Append(string text) => Edit(t => t.Insert(t.Length, text));

    /// <summary>The local state vector, decoded.</summary>
    public IReadOnlyDictionary<ulong, long> StateVector()
    {
        lock (_gate)
        {
            return Y.DecodeStateVector(Y.EncodeStateVector(Doc));
        }
    }
}
