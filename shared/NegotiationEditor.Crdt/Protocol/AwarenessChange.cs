namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// Which clients an awareness operation added, updated or removed, and who caused it
/// (<see cref="Awareness.LocalOrigin"/> for the local client's own changes,
/// <see cref="Awareness.TimeoutOrigin"/> for states dropped by <see cref="Awareness.CheckTimeouts"/>).
/// </summary>
public sealed class AwarenessChange : EventArgs
{
    internal AwarenessChange(IReadOnlyList<ulong> added, IReadOnlyList<ulong> updated, IReadOnlyList<ulong> removed, object? origin)
    {
        Added = added;
        Updated = updated;
        Removed = removed;
        Origin = origin;
    }

    /// <summary>Clients that had no entry before.</summary>
    public IReadOnlyList<ulong> Added { get; }

    /// <summary>Clients whose state was replaced (for <see cref="Awareness.Changed"/>: by a different state).</summary>
    public IReadOnlyList<ulong> Updated { get; }

    /// <summary>Clients whose state was removed.</summary>
    public IReadOnlyList<ulong> Removed { get; }

    /// <summary>What caused the change, as passed by the caller.</summary>
    public object? Origin { get; }

    /// <summary>Every client named in the change: the ones whose entry a peer should be sent.</summary>
    public IEnumerable<ulong> All => Added.Concat(Updated).Concat(Removed);
}
