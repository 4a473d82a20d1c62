namespace NegotiationEditor.Crdt.Encoding;

/// <summary>
/// The order in which JavaScript enumerates an object's own string keys: keys that are array
/// indices (canonical integers below 2^32 − 1) first, ascending, then all others in insertion order.
/// </summary>
internal static class JsPropertyOrder
{
    public static List<KeyValuePair<string, object?>> Order(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var indices = new List<(uint Index, KeyValuePair<string, object?> Entry)>();
        var others = new List<KeyValuePair<string, object?>>();
        foreach (var entry in entries)
        {
            if (TryArrayIndex(entry.Key, out var index))
            {
                indices.Add((index, entry));
            }
            else
            {
                others.Add(entry);
            }
        }

        if (indices.Count == 0)
        {
            return others;
        }

        indices.Sort((a, b) => a.Index.CompareTo(b.Index));
        var ordered = new List<KeyValuePair<string, object?>>(indices.Count + others.Count);
        foreach (var (_, entry) in indices)
        {
            ordered.Add(entry);
        }

        ordered.AddRange(others);
        return ordered;
    }

    public static bool TryArrayIndex(string key, out uint index)
    {
        index = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong value = 0;
        foreach (var c in key)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = value * 10 + (ulong)(c - '0');
        }

        if (value >= uint.MaxValue)
        {
            return false;
        }

        index = (uint)value;
        return true;
    }
}
