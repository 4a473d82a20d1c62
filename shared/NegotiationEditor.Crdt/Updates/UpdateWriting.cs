using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>Writes the structs of a store as update format V1.</summary>
internal static class UpdateWriting
{
    /// <summary>
    /// Writes, for every client with structs beyond <paramref name="stateVector"/> (missing clients
    /// count as 0), the structs from that clock on, highest client first.
    /// </summary>
    public static void WriteClientsStructs(Lib0Writer writer, StructStore store, IReadOnlyDictionary<ulong, long> stateVector)
    {
        var targets = new Dictionary<ulong, long>();
        foreach (var (client, clock) in stateVector)
        {
            if (store.GetState(client) > clock)
            {
                targets[client] = clock;
            }
        }

        foreach (var (client, structs) in store.Clients)
        {
            if (structs.Count > 0 && !stateVector.ContainsKey(client))
            {
                targets[client] = 0;
            }
        }

        writer.WriteVarUInt((ulong)targets.Count);
        foreach (var client in DeleteSet.SortedClientsDescending(targets.Keys))
        {
            WriteStructs(writer, store.Clients[client], client, targets[client]);
        }
    }

    private static void WriteStructs(Lib0Writer writer, StructList structs, ulong client, long clock)
    {
        clock = Math.Max(clock, structs[0].Clock);
        var start = StructStore.FindIndex(structs, clock);
        writer.WriteVarUInt((ulong)(structs.Count - start));
        writer.WriteVarUInt(client);
        writer.WriteVarUInt((ulong)clock);
        var first = structs[start];
        first.Write(writer, (int)(clock - first.Clock));
        for (var i = start + 1; i < structs.Count; i++)
        {
            structs[i].Write(writer, 0);
        }
    }

    public static void WriteStateVector(Lib0Writer writer, IReadOnlyDictionary<ulong, long> stateVector)
    {
        writer.WriteVarUInt((ulong)stateVector.Count);
        foreach (var client in DeleteSet.SortedClientsDescending(stateVector.Keys))
        {
            writer.WriteVarUInt(client);
            writer.WriteVarUInt((ulong)stateVector[client]);
        }
    }

    public static byte[] EncodeDeleteSetAsUpdate(DeleteSet deleteSet)
    {
        var writer = new Lib0Writer();
        writer.WriteVarUInt(0);
        deleteSet.Write(writer);
        return writer.ToArray();
    }
}
