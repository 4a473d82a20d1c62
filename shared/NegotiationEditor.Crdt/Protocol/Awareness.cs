using System.Text.Json.Nodes;

namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// The y-protocols awareness: who is connected and what each client shows (name, colour, cursor),
/// as JSON text with a clock per client. The rules are those of y-protocols 1.0.7: a higher clock
/// wins; an entry with the same clock and a null state removes a client; nobody can remove the
/// local client's state (its clock is raised instead, so that it is sent again); states not renewed
/// within <see cref="OutdatedTimeout"/> are dropped by <see cref="CheckTimeouts"/>, which the owner
/// calls every <see cref="CheckInterval"/>. States are kept and sent as the JSON text received,
/// never re-serialised. Not thread-safe: one owner at a time, as for a document.
/// </summary>
public sealed class Awareness
{
    /// <summary>The origin of changes made by <see cref="SetLocalState"/>.</summary>
    public const string LocalOrigin = "local";

    /// <summary>The origin of removals made by <see cref="CheckTimeouts"/>.</summary>
    public const string TimeoutOrigin = "timeout";

    /// <summary>A remote state not renewed for this long is dropped.</summary>
    public static readonly TimeSpan OutdatedTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How often y-protocols checks for outdated states and renews the local one.</summary>
    public static readonly TimeSpan CheckInterval = OutdatedTimeout / 10;

    private const string EmptyState = "{}";

    // Ordered as JavaScript's Map: a key removed and added again moves to the end. y-websocket
    // answers a query with the states in this order, so it matters for identical bytes.
    private readonly OrderedDictionary<ulong, string> _states = [];
    private readonly OrderedDictionary<ulong, AwarenessMeta> _meta = [];
    private readonly TimeProvider _time;

    /// <summary>
    /// Creates the awareness of client <paramref name="clientId"/> (normally the document's client
    /// id) with the empty local state <c>{}</c> at clock 0, as y-protocols does.
    /// </summary>
    public Awareness(ulong clientId, TimeProvider? timeProvider = null)
    {
        ClientId = clientId;
        _time = timeProvider ?? TimeProvider.System;
        SetLocalState(EmptyState);
    }

    /// <summary>Raised when a client was added or removed or its state really changed.</summary>
    public event EventHandler<AwarenessChange>? Changed;

    /// <summary>
    /// Raised whenever entries were accepted, also when a state was only renewed; the clients named
    /// in it are the ones to send to peers.
    /// </summary>
    public event EventHandler<AwarenessChange>? Updated;

    /// <summary>The local client's id.</summary>
    public ulong ClientId { get; }

    /// <summary>The local client's state as JSON text, or <see langword="null"/> when it has none.</summary>
    public string? LocalState => _states.GetValueOrDefault(ClientId);

    /// <summary>Every known state (JSON text) by client id, the local one included.</summary>
    public IReadOnlyDictionary<ulong, string> States => _states;

    /// <summary>Clock and time of the last accepted entry, by client id (also for clients without a state).</summary>
    public IReadOnlyDictionary<ulong, AwarenessMeta> Meta => _meta;

    /// <summary>
    /// Sets (or, with <see langword="null"/>, removes) the local state and raises the local clock by one.
    /// </summary>
    /// <exception cref="ArgumentException">The text is not valid JSON.</exception>
    public void SetLocalState(string? stateJson)
    {
        var isNull = stateJson is null;
        if (stateJson is not null && !AwarenessUpdate.IsJson(stateJson, out isNull))
        {
            throw new ArgumentException("The awareness state must be valid JSON text.", nameof(stateJson));
        }
        var clock = _meta.TryGetValue(ClientId, out var current) ? current.Clock + 1 : 0;
        var previous = _states.GetValueOrDefault(ClientId);
        if (isNull)
        {
            _states.Remove(ClientId);
        }
        else
        {
            _states[ClientId] = stateJson!;
        }
        _meta[ClientId] = new AwarenessMeta(clock, _time.GetUtcNow());
        List<ulong> added = [], updated = [], changed = [], removed = [];
        if (isNull)
        {
            removed.Add(ClientId);
        }
        else if (previous is null)
        {
            added.Add(ClientId);
        }
        else
        {
            updated.Add(ClientId);
            if (!SameJson(previous, stateJson!))
            {
                changed.Add(ClientId);
            }
        }
        if (added.Count > 0 || changed.Count > 0 || removed.Count > 0)
        {
            Changed?.Invoke(this, new AwarenessChange(added, changed, removed, LocalOrigin));
        }
        Updated?.Invoke(this, new AwarenessChange(added, updated, removed, LocalOrigin));
    }

    /// <summary>
    /// Applies an awareness update received from a peer. The whole update is decoded and checked
    /// before anything changes.
    /// </summary>
    /// <exception cref="CrdtFormatException">The update is malformed; no state was changed.</exception>
    public void ApplyUpdate(byte[] update, object? origin = null)
    {
        var entries = AwarenessUpdate.Read(update);
        var now = _time.GetUtcNow();
        List<ulong> added = [], updated = [], changed = [], removed = [];
        foreach (var (clientId, receivedClock, state) in entries)
        {
            var clock = receivedClock;
            var known = _meta.TryGetValue(clientId, out var meta);
            var previous = _states.GetValueOrDefault(clientId);
            var currentClock = known ? meta.Clock : 0;
            var accepted = currentClock < clock || (currentClock == clock && state is null && _states.ContainsKey(clientId));
            if (!accepted)
            {
                continue;
            }
            if (state is null)
            {
                if (clientId == ClientId && LocalState is not null)
                {
                    // A peer must not remove this client: keep the state and outbid the removal,
                    // so that the next broadcast of this client's entry restores it everywhere.
                    clock++;
                }
                else
                {
                    _states.Remove(clientId);
                }
            }
            else
            {
                _states[clientId] = state;
            }
            _meta[clientId] = new AwarenessMeta(clock, now);
            if (!known && state is not null)
            {
                added.Add(clientId);
            }
            else if (known && state is null)
            {
                removed.Add(clientId);
            }
            else if (state is not null)
            {
                if (previous is null || !SameJson(state, previous))
                {
                    changed.Add(clientId);
                }
                updated.Add(clientId);
            }
        }
        if (added.Count > 0 || changed.Count > 0 || removed.Count > 0)
        {
            Changed?.Invoke(this, new AwarenessChange(added, changed, removed, origin));
        }
        if (added.Count > 0 || updated.Count > 0 || removed.Count > 0)
        {
            Updated?.Invoke(this, new AwarenessChange(added, updated, removed, origin));
        }
    }

    /// <summary>
    /// Removes the states of the given clients (for example those of a closed connection). Removing
    /// the local state raises the local clock, so the removal is sent with a clock peers accept.
    /// </summary>
    public void RemoveStates(IEnumerable<ulong> clients, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        List<ulong> removed = [];
        foreach (var clientId in clients)
        {
            if (!_states.Remove(clientId))
            {
                continue;
            }
            if (clientId == ClientId)
            {
                _meta[ClientId] = new AwarenessMeta(_meta[ClientId].Clock + 1, _time.GetUtcNow());
            }
            removed.Add(clientId);
        }
        if (removed.Count > 0)
        {
            Changed?.Invoke(this, new AwarenessChange([], [], removed, origin));
            Updated?.Invoke(this, new AwarenessChange([], [], removed, origin));
        }
    }

    /// <summary>
    /// Encodes the entries of the given clients with their current clocks; a client without a
    /// state is written with the JSON text <c>null</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A client has never been seen by this awareness.</exception>
    public byte[] EncodeUpdate(IEnumerable<ulong> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var entries = new List<AwarenessEntry>();
        foreach (var clientId in clients)
        {
            if (!_meta.TryGetValue(clientId, out var meta))
            {
                throw new ArgumentException($"Awareness client {clientId} is not known.", nameof(clients));
            }
            entries.Add(new AwarenessEntry(clientId, meta.Clock, _states.GetValueOrDefault(clientId)));
        }
        return AwarenessUpdate.Write(entries);
    }

    /// <summary>
    /// What y-protocols does every <see cref="CheckInterval"/>: renews the local state once half of
    /// <see cref="OutdatedTimeout"/> has passed since it was last set, and removes remote states
    /// not renewed within <see cref="OutdatedTimeout"/> (origin <see cref="TimeoutOrigin"/>).
    /// </summary>
    public void CheckTimeouts()
    {
        var now = _time.GetUtcNow();
        var local = LocalState;
        if (local is not null && OutdatedTimeout / 2 <= now - _meta[ClientId].LastUpdated)
        {
            SetLocalState(local);
        }
        var outdated = _meta
            .Where(entry => entry.Key != ClientId && OutdatedTimeout <= now - entry.Value.LastUpdated && _states.ContainsKey(entry.Key))
            .Select(entry => entry.Key)
            .ToList();
        if (outdated.Count > 0)
        {
            RemoveStates(outdated, TimeoutOrigin);
        }
    }

    private static bool SameJson(string left, string right) =>
        left == right || JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
}
