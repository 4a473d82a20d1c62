using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// A group of changes to a <see cref="YDoc"/> that observers and the update event see as one.
/// Passed to the body of <see cref="YDoc.Transact(Action{Transaction}, object?)"/>.
/// </summary>
public sealed class Transaction
{
    internal Transaction(YDoc doc, object? origin, bool local)
    {
        Doc = doc;
        Origin = origin;
        Local = local;
        BeforeState = doc.Store.GetSharedStateVector();
    }

    /// <summary>The document being changed.</summary>
    public YDoc Doc { get; }

    /// <summary>What the caller passed as origin (for example a connection); null for none.</summary>
    public object? Origin { get; }

    /// <summary>True for changes made through this document's API; false for applied updates.</summary>
    public bool Local { get; internal set; }

    /// <summary>Clocks deleted in this transaction; allocated by the first deletion.</summary>
    internal DeleteSet DeleteSet => deleteSet ??= new();

    private DeleteSet? deleteSet;

    internal Dictionary<ulong, long> BeforeState { get; }

    internal Dictionary<ulong, long> AfterState { get; private set; } = new();

    /// <summary>Types changed in this transaction, with the map keys changed (null: the sequence part).</summary>
    internal Dictionary<SharedType, HashSet<string?>> Changed => changed ??= TakeSpareChanged();

    private Dictionary<SharedType, HashSet<string?>>? changed;

    /// <summary>Set when an event refers to this transaction: its bookkeeping must then stay as it is.</summary>
    internal bool HasEvents { get; set; }

    internal Dictionary<SharedType, List<YEvent>> ChangedParentTypes => changedParentTypes ??= new(ReferenceEqualityComparer.Instance);

    private Dictionary<SharedType, List<YEvent>>? changedParentTypes;

    private List<AbstractStruct>? mergeStructs;

    internal List<AbstractStruct> MergeStructs => mergeStructs ??= new();

    internal bool NeedFormattingCleanup { get; set; }

    internal long BeforeStateOf(ulong client) => BeforeState.TryGetValue(client, out var clock) ? clock : 0;

    internal void AddChangedType(SharedType type, string? parentSub)
    {
        var item = type.Item;
        if (item == null || (item.Clock < BeforeStateOf(item.Client) && !item.Deleted))
        {
            if (!Changed.TryGetValue(type, out var subs))
            {
                subs = Doc.SpareChangedKeys.TryPop(out var spare) ? spare : new HashSet<string?>();
                Changed[type] = subs;
            }

            subs.Add(parentSub);
        }
    }

    /// <summary>Whether the struct was created in this transaction (its clock is past the state before it).</summary>
    internal bool Adds(AbstractStruct structure) => structure.Clock >= BeforeStateOf(structure.Client);

    internal bool Deletes(AbstractStruct structure) => deleteSet != null && deleteSet.IsDeleted(structure.Id);

    internal bool WriteUpdate(Lib0Writer writer)
    {
        var changed = false;
        foreach (var (client, clock) in AfterState)
        {
            if (BeforeStateOf(client) != clock)
            {
                changed = true;
                break;
            }
        }

        if ((deleteSet == null || deleteSet.IsEmpty) && !changed)
        {
            return false;
        }

        deleteSet?.SortAndMerge();
        UpdateWriting.WriteClientsStructs(writer, Doc.Store, BeforeState);
        if (deleteSet != null)
        {
            deleteSet.Write(writer);
        }
        else
        {
            writer.WriteVarUInt(0);
        }

        return true;
    }

    /// <summary>Runs observers, garbage collection, merging and the update event for finished transactions.</summary>
    private Dictionary<SharedType, HashSet<string?>> TakeSpareChanged()
    {
        var spare = Doc.SpareChanged;
        if (spare == null)
        {
            return new Dictionary<SharedType, HashSet<string?>>(ReferenceEqualityComparer.Instance);
        }

        Doc.SpareChanged = null;
        return spare;
    }

    /// <summary>
    /// Hands the changed-types bookkeeping back to the document once the transaction is cleaned up,
    /// unless an event (which computes its changes from it on demand) refers to this transaction.
    /// </summary>
    private void ReleaseChanged()
    {
        if (HasEvents || changed == null)
        {
            return;
        }

        foreach (var subs in changed.Values)
        {
            if (Doc.SpareChangedKeys.Count < 8)
            {
                subs.Clear();
                Doc.SpareChangedKeys.Push(subs);
            }
        }

        changed.Clear();
        Doc.SpareChanged ??= changed;
        changed = null;
    }

    internal static void Cleanup(List<Transaction> cleanups, int index)
    {
        // Observers and update handlers are application code: if one throws, the remaining
        // cleanup still runs (so the document stays consistent) and the first error is rethrown.
        Exception? failure = null;
        while (index < cleanups.Count)
        {
            var transaction = cleanups[index];
            var doc = transaction.Doc;
            var store = doc.Store;
            var ds = transaction.deleteSet;
            try
            {
                ds?.SortAndMerge();
                transaction.AfterState = store.GetSharedStateVector();
                foreach (var (type, subs) in transaction.changed ?? [])
                {
                    if (type.Item == null || !type.Item.Deleted)
                    {
                        type.CallObserver(transaction, subs);
                    }
                }

                foreach (var (type, events) in transaction.changedParentTypes ?? [])
                {
                    if (type.DeepHandlerCount > 0 && (type.Item == null || !type.Item.Deleted))
                    {
                        var live = new List<YEvent>();
                        foreach (var e in events)
                        {
                            if (e.Target.Item == null || !e.Target.Item.Deleted)
                            {
                                e.CurrentTarget = type;
                                live.Add(e);
                            }
                        }

                        live.Sort((a, b) => a.Path.Count.CompareTo(b.Path.Count));
                        type.CallDeepObservers(live, transaction);
                    }
                }

                doc.RaiseAfterTransaction(transaction);
                if (transaction.NeedFormattingCleanup)
                {
                    YText.CleanupAfterTransaction(transaction);
                }
            }
            catch (Exception e)
            {
                failure ??= e;
            }
            finally
            {
                // Observers may delete within this transaction's cleanup, so look again.
                ds = transaction.deleteSet;
                if (ds != null)
                {
                    if (doc.Gc)
                    {
                        TryGcDeleteSet(ds, store);
                    }

                    TryMergeDeleteSet(ds, store);
                }
                foreach (var (client, clock) in transaction.AfterState)
                {
                    var beforeClock = transaction.BeforeStateOf(client);
                    if (beforeClock != clock)
                    {
                        var structs = store.Clients[client];
                        var firstChangePos = Math.Max(StructStore.FindIndex(structs, beforeClock), 1);
                        for (var i = structs.Count - 1; i >= firstChangePos;)
                        {
                            i -= 1 + TryToMergeWithLefts(structs, i);
                        }
                    }
                }

                var mergeStructs = transaction.mergeStructs ?? [];
                for (var i = mergeStructs.Count - 1; i >= 0; i--)
                {
                    var merge = mergeStructs[i];
                    var structs = store.Clients[merge.Client];
                    var replacedPos = StructStore.FindIndex(structs, merge.Clock);
                    if (replacedPos + 1 < structs.Count && TryToMergeWithLefts(structs, replacedPos + 1) > 1)
                    {
                        continue;
                    }

                    if (replacedPos > 0)
                    {
                        TryToMergeWithLefts(structs, replacedPos);
                    }
                }

                if (!transaction.Local
                    && transaction.AfterState.TryGetValue(doc.ClientId, out var after)
                    && after != transaction.BeforeStateOf(doc.ClientId))
                {
                    // Someone else uses our client id: continue under a new one, as Yjs does.
                    doc.RenewClientId();
                }

                if (doc.HasUpdateHandlers)
                {
                    var writer = new Lib0Writer();
                    if (transaction.WriteUpdate(writer))
                    {
                        try
                        {
                            doc.RaiseUpdate(writer.ToArray(), transaction);
                        }
                        catch (Exception e)
                        {
                            failure ??= e;
                        }
                    }
                }
            }

            transaction.ReleaseChanged();
            index++;
        }

        cleanups.Clear();
        if (failure != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static void TryGcDeleteSet(DeleteSet ds, StructStore store)
    {
        foreach (var (client, ranges) in ds.Clients)
        {
            if (!store.Clients.TryGetValue(client, out var structs))
            {
                continue;
            }

            for (var di = ranges.Count - 1; di >= 0; di--)
            {
                var range = ranges[di];
                var end = range.Clock + range.Length;
                for (var si = StructStore.FindIndex(structs, range.Clock); si < structs.Count; si++)
                {
                    var structure = structs[si];
                    if (structure.Clock >= end)
                    {
                        break;
                    }

                    if (structure is Item { Deleted: true, Keep: false } item)
                    {
                        item.Gc(store, false);
                    }
                }
            }
        }
    }

    private static void TryMergeDeleteSet(DeleteSet ds, StructStore store)
    {
        foreach (var (client, ranges) in ds.Clients)
        {
            if (!store.Clients.TryGetValue(client, out var structs))
            {
                continue;
            }

            for (var di = ranges.Count - 1; di >= 0; di--)
            {
                var range = ranges[di];
                var mostRight = Math.Min(structs.Count - 1, 1 + StructStore.FindIndex(structs, range.Clock + range.Length - 1));
                for (var si = mostRight; si > 0 && structs[si].Clock >= range.Clock;)
                {
                    si -= 1 + TryToMergeWithLefts(structs, si);
                }
            }
        }
    }

    /// <summary>Merges the struct at <paramref name="pos"/> into its left neighbours while possible; returns how many merged.</summary>
    internal static int TryToMergeWithLefts(StructList structs, int pos)
    {
        var right = structs[pos];
        var left = structs[pos - 1];
        var i = pos;
        for (; i > 0; right = left, left = i - 1 >= 1 ? structs[i - 2] : null!, i--)
        {
            if (left.Deleted == right.Deleted && left.GetType() == right.GetType() && left.MergeWith(right))
            {
                if (right is Item { ParentSub: { } sub } rightItem && rightItem.Parent!.Map.TryGetValue(sub, out var current) && current == rightItem)
                {
                    rightItem.Parent.Map[sub] = (Item)left;
                }

                continue;
            }

            break;
        }

        var merged = pos - i;
        if (merged > 0)
        {
            structs.RemoveRange(pos + 1 - merged, merged);
        }

        return merged;
    }
}
