using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt.Updates;

/// <summary>Applies decoded updates to a document, keeping what cannot be applied yet as pending.</summary>
internal static class UpdateIntegration
{
    private sealed class ClientRefs
    {
        public ClientRefs(List<AbstractStruct> refs)
        {
            Refs = refs;
        }

        public List<AbstractStruct> Refs;
        public int Index;
    }

    public static void Apply(YDoc doc, byte[] update, object? origin)
    {
        var decoded = UpdateDecoding.Decode(update);
        doc.Transact(t =>
        {
            t.Local = false;
            Apply(t, decoded);
        }, origin, false);
    }

    private static void Apply(Transaction transaction, DecodedUpdate decoded)
    {
        var store = transaction.Doc.Store;
        var refs = new Dictionary<ulong, ClientRefs>();
        foreach (var section in decoded.Sections)
        {
            // As in Yjs, a second section for the same client replaces the first.
            refs[section.Client] = new ClientRefs(section.Structs);
        }

        var retry = false;
        var rest = IntegrateStructs(transaction, store, refs);
        var pending = store.Pending;
        if (pending != null)
        {
            foreach (var (client, clock) in pending.Missing)
            {
                if (clock < store.GetState(client))
                {
                    retry = true;
                    break;
                }
            }

            if (rest != null)
            {
                foreach (var (client, clock) in rest.Missing)
                {
                    if (!pending.Missing.TryGetValue(client, out var known) || known > clock)
                    {
                        pending.Missing[client] = clock;
                    }
                }

                pending.Update = UpdateMerging.MergeUpdates([pending.Update, rest.Update]);
            }
        }
        else
        {
            store.Pending = rest;
        }

        var dsRest = ApplyDeleteSet(transaction, store, decoded.DeleteSet);
        if (store.PendingDeletes != null)
        {
            var pendingDs = UpdateDecoding.Decode(store.PendingDeletes).DeleteSet;
            var dsRest2 = ApplyDeleteSet(transaction, store, pendingDs);
            if (dsRest != null && dsRest2 != null)
            {
                store.PendingDeletes = UpdateMerging.MergeUpdates([
                    UpdateWriting.EncodeDeleteSetAsUpdate(dsRest),
                    UpdateWriting.EncodeDeleteSetAsUpdate(dsRest2),
                ]);
            }
            else
            {
                var remaining = dsRest ?? dsRest2;
                store.PendingDeletes = remaining == null ? null : UpdateWriting.EncodeDeleteSetAsUpdate(remaining);
            }
        }
        else
        {
            store.PendingDeletes = dsRest == null ? null : UpdateWriting.EncodeDeleteSetAsUpdate(dsRest);
        }

        if (retry)
        {
            var update = store.Pending!.Update;
            store.Pending = null;
            Apply(transaction, UpdateDecoding.Decode(update));
        }
    }

    private static PendingStructs? IntegrateStructs(Transaction transaction, StructStore store, Dictionary<ulong, ClientRefs> clientsRefs)
    {
        var stack = new List<AbstractStruct>();
        var clientIds = clientsRefs.Keys.ToList();
        clientIds.Sort();
        if (clientIds.Count == 0)
        {
            return null;
        }

        ClientRefs? NextTarget()
        {
            if (clientIds.Count == 0)
            {
                return null;
            }

            var next = clientsRefs[clientIds[^1]];
            while (next.Refs.Count == next.Index)
            {
                clientIds.RemoveAt(clientIds.Count - 1);
                if (clientIds.Count > 0)
                {
                    next = clientsRefs[clientIds[^1]];
                }
                else
                {
                    return null;
                }
            }

            return next;
        }

        var current = NextTarget();
        if (current == null)
        {
            return null;
        }

        var restStore = new StructStore();
        var missing = new Dictionary<ulong, long>();

        void UpdateMissing(ulong client, long clock)
        {
            if (!missing.TryGetValue(client, out var known) || known > clock)
            {
                missing[client] = clock;
            }
        }

        var head = current.Refs[current.Index++];
        var state = new Dictionary<ulong, long>();

        void AddStackToRest()
        {
            foreach (var item in stack)
            {
                var client = item.Client;
                if (clientsRefs.TryGetValue(client, out var inapplicable))
                {
                    inapplicable.Index--;
                    restStore.Clients[client] = new StructList(inapplicable.Refs.GetRange(inapplicable.Index, inapplicable.Refs.Count - inapplicable.Index));
                    clientsRefs.Remove(client);
                    inapplicable.Index = 0;
                    inapplicable.Refs = new List<AbstractStruct>();
                }
                else
                {
                    restStore.Clients[client] = new StructList([item]);
                }

                clientIds.Remove(client);
            }

            stack.Clear();
        }

        while (true)
        {
            if (head is not SkipStruct)
            {
                if (!state.TryGetValue(head.Client, out var localClock))
                {
                    localClock = store.GetState(head.Client);
                    state[head.Client] = localClock;
                }

                var offset = localClock - head.Clock;
                if (offset < 0)
                {
                    stack.Add(head);
                    UpdateMissing(head.Client, head.Clock - 1);
                    AddStackToRest();
                }
                else
                {
                    var missingClient = head.GetMissing(transaction, store);
                    if (missingClient is { } mc)
                    {
                        stack.Add(head);
                        if (!clientsRefs.TryGetValue(mc, out var refs) || refs.Refs.Count == refs.Index)
                        {
                            UpdateMissing(mc, store.GetState(mc));
                            AddStackToRest();
                        }
                        else
                        {
                            head = refs.Refs[refs.Index++];
                            continue;
                        }
                    }
                    else if (offset == 0 || offset < head.Length)
                    {
                        head.Integrate(transaction, (int)offset);
                        state[head.Client] = head.Clock + head.Length;
                    }
                }
            }

            if (stack.Count > 0)
            {
                head = stack[^1];
                stack.RemoveAt(stack.Count - 1);
            }
            else if (current != null && current.Index < current.Refs.Count)
            {
                head = current.Refs[current.Index++];
            }
            else
            {
                current = NextTarget();
                if (current == null)
                {
                    break;
                }

                head = current.Refs[current.Index++];
            }
        }

        if (restStore.Clients.Count > 0)
        {
            var writer = new Lib0Writer();
            UpdateWriting.WriteClientsStructs(writer, restStore, new Dictionary<ulong, long>());
            writer.WriteVarUInt(0);
            return new PendingStructs(missing, writer.ToArray());
        }

        return null;
    }

    /// <summary>Deletes what the set names; returns the ranges beyond the document's state, or null.</summary>
    private static DeleteSet? ApplyDeleteSet(Transaction transaction, StructStore store, DeleteSet deleteSet)
    {
        var unapplied = new DeleteSet();
        foreach (var (client, ranges) in deleteSet.Clients)
        {
            var state = store.GetState(client);
            store.Clients.TryGetValue(client, out var structs);
            foreach (var range in ranges)
            {
                var clock = range.Clock;
                var clockEnd = clock + range.Length;
                if (range.Length == 0)
                {
                    continue;
                }

                if (clock < state)
                {
                    if (state < clockEnd)
                    {
                        unapplied.Add(client, state, clockEnd - state);
                    }

                    var list = structs!;
                    var index = StructStore.FindIndex(list, clock);
                    var structure = list[index];
                    if (!structure.Deleted && structure.Clock < clock && structure is Item first)
                    {
                        list.Insert(index + 1, first.Split(transaction, (int)(clock - first.Clock)));
                        index++;
                    }

                    while (index < list.Count)
                    {
                        structure = list[index++];
                        if (structure.Clock < clockEnd)
                        {
                            if (!structure.Deleted && structure is Item item)
                            {
                                if (clockEnd < item.Clock + item.Length)
                                {
                                    list.Insert(index, item.Split(transaction, (int)(clockEnd - item.Clock)));
                                }

                                item.Delete(transaction);
                            }
                        }
                        else
                        {
                            break;
                        }
                    }
                }
                else
                {
                    unapplied.Add(client, clock, clockEnd - clock);
                }
            }
        }

        return unapplied.IsEmpty ? null : unapplied;
    }
}
