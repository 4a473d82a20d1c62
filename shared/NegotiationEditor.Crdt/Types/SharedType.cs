using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// A remembered (item, index) pair in a sequence so that finding an index does not walk the list
/// from the start. Yjs keeps up to 80 per type and moves the nearest one.
/// </summary>
internal sealed class SearchMarker
{
    private static long clock;

    public SearchMarker(Item item, int index)
    {
        Item = item;
        Index = index;
        item.Marker = true;
        Timestamp = clock++;
    }

    public Item Item;
    public int Index;
    public long Timestamp;

    public void Refresh() => Timestamp = clock++;

    public void Overwrite(Item item, int index)
    {
        Item.Marker = false;
        Item = item;
        item.Marker = true;
        Index = index;
        Timestamp = clock++;
    }
}

/// <summary>
/// Base of all shared types. Holds a sequence part (a doubly linked list of items) and a
/// key-value part (the newest item per key, each key's older items linked to its left).
/// </summary>
public abstract class SharedType
{
    internal const int MaxSearchMarkers = 80;

    private readonly List<Action<YEvent, Transaction>> handlers = new();
    private readonly List<Action<IReadOnlyList<YEvent>, Transaction>> deepHandlers = new();

    internal SharedType()
    {
    }

    internal Item? Item;
    internal Item? Start;
    internal readonly Dictionary<string, Item> Map = new();
    internal int LengthField;
    internal string? RootName;
    internal List<SearchMarker>? SearchMarkers;

    /// <summary>The document this type belongs to, or null before it is inserted into one.</summary>
    public YDoc? Doc { get; private set; }

    /// <summary>The type that contains this one, or null for a root type.</summary>
    public SharedType? Parent => Item?.Parent;

    internal int DeepHandlerCount => deepHandlers.Count;

    internal abstract byte TypeRef { get; }

    internal virtual void Integrate(YDoc doc, Item? item)
    {
        Doc = doc;
        Item = item;
    }

    internal abstract SharedType CreateEmptyCopy();

    internal virtual void WriteTypeRef(Lib0Writer writer) => writer.WriteVarUInt(TypeRef);

    /// <summary>Calls <paramref name="handler"/> after each transaction that changed this type.</summary>
    public void Observe(Action<YEvent, Transaction> handler) => handlers.Add(handler);

    /// <summary>Stops calling a handler registered with <see cref="Observe"/>.</summary>
    public void Unobserve(Action<YEvent, Transaction> handler) => handlers.Remove(handler);

    /// <summary>Calls <paramref name="handler"/> with the events of this type and all types nested in it.</summary>
    public void ObserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => deepHandlers.Add(handler);

    /// <summary>Stops calling a handler registered with <see cref="ObserveDeep"/>.</summary>
    public void UnobserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => deepHandlers.Remove(handler);

    internal virtual void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        if (!transaction.Local)
        {
            SearchMarkers?.Clear();
        }
    }

    /// <summary>Whether an event for this type would reach any handler (own or deep on an ancestor).</summary>
    internal bool IsObserved
    {
        get
        {
            if (handlers.Count > 0)
            {
                return true;
            }

            for (SharedType? type = this; type != null; type = type.Item?.Parent)
            {
                if (type.deepHandlers.Count > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal void CallDeepObservers(List<YEvent> events, Transaction transaction)
    {
        foreach (var handler in deepHandlers.ToArray())
        {
            handler(events, transaction);
        }
    }

    /// <summary>Raises the event on this type and records it for deep observers of every ancestor.</summary>
    internal void CallTypeObservers(Transaction transaction, YEvent e)
    {
        SharedType? type = this;
        var changedParentTypes = transaction.ChangedParentTypes;
        while (true)
        {
            if (!changedParentTypes.TryGetValue(type, out var list))
            {
                list = new List<YEvent>();
                changedParentTypes[type] = list;
            }

            list.Add(e);
            if (type.Item == null)
            {
                break;
            }

            type = type.Item.Parent;
            if (type == null)
            {
                break;
            }
        }

        foreach (var handler in handlers.ToArray())
        {
            handler(e, transaction);
        }
    }

    internal void RequireTransaction(Action<Transaction> body)
    {
        var doc = RequireDoc();
        var transaction = doc.BeginTransaction(null, true, out var initial);
        try
        {
            body(transaction);
        }
        finally
        {
            doc.EndTransaction(initial);
        }
    }

    internal YDoc RequireDoc() =>
        Doc ?? throw new InvalidOperationException("The type must be part of a document before it can be edited.");

    // ----- sequence part -----

    internal static bool IsVisible(Item item, Snapshot? snapshot) =>
        snapshot == null
            ? !item.Deleted
            : snapshot.StateVector.TryGetValue(item.Client, out var clock) && clock > item.Clock && !snapshot.DeleteSet.IsDeleted(item.Id);

    internal List<object?> ListToArray()
    {
        var result = new List<object?>(LengthField);
        for (var n = Start; n != null; n = n.Right)
        {
            if (n.Countable && !n.Deleted)
            {
                result.AddRange(n.Content.GetContent());
            }
        }

        return result;
    }

    internal SearchMarker? FindMarker(int index)
    {
        if (Start == null || index == 0 || SearchMarkers == null)
        {
            return null;
        }

        SearchMarker? marker = null;
        foreach (var m in SearchMarkers)
        {
            if (marker == null || Math.Abs(index - m.Index) < Math.Abs(index - marker.Index))
            {
                marker = m;
            }
        }

        var p = Start;
        var pIndex = 0;
        if (marker != null)
        {
            p = marker.Item;
            pIndex = marker.Index;
            marker.Refresh();
        }

        while (p.Right != null && pIndex < index)
        {
            if (!p.Deleted && p.Countable)
            {
                if (index < pIndex + p.Length)
                {
                    break;
                }

                pIndex += p.Length;
            }

            p = p.Right;
        }

        while (p.Left != null && pIndex > index)
        {
            p = p.Left;
            if (!p.Deleted && p.Countable)
            {
                pIndex -= p.Length;
            }
        }

        // Never mark an item that could still be merged into its left neighbour.
        while (p.Left != null && p.Left.Client == p.Client && p.Left.Clock + p.Left.Length == p.Clock)
        {
            p = p.Left;
            if (!p.Deleted && p.Countable)
            {
                pIndex -= p.Length;
            }
        }

        if (marker != null && Math.Abs(marker.Index - pIndex) < (double)LengthField / MaxSearchMarkers)
        {
            marker.Overwrite(p, pIndex);
            return marker;
        }

        return MarkPosition(p, pIndex);
    }

    private SearchMarker MarkPosition(Item p, int index)
    {
        var markers = SearchMarkers!;
        if (markers.Count >= MaxSearchMarkers)
        {
            var oldest = markers[0];
            foreach (var m in markers)
            {
                if (m.Timestamp < oldest.Timestamp)
                {
                    oldest = m;
                }
            }

            oldest.Overwrite(p, index);
            return oldest;
        }

        var marker = new SearchMarker(p, index);
        markers.Add(marker);
        return marker;
    }

    /// <summary>Moves markers after a change of <paramref name="length"/> (negative for deletions) at <paramref name="index"/>.</summary>
    internal void UpdateMarkerChanges(int index, int length)
    {
        var markers = SearchMarkers;
        if (markers == null)
        {
            return;
        }

        for (var i = markers.Count - 1; i >= 0; i--)
        {
            var m = markers[i];
            if (length > 0)
            {
                Item? p = m.Item;
                p.Marker = false;
                while (p != null && (p.Deleted || !p.Countable))
                {
                    p = p.Left;
                    if (p != null && !p.Deleted && p.Countable)
                    {
                        m.Index -= p.Length;
                    }
                }

                if (p == null || p.Marker)
                {
                    markers.RemoveAt(i);
                    continue;
                }

                m.Item = p;
                p.Marker = true;
            }

            if (index < m.Index || (length > 0 && index == m.Index))
            {
                m.Index = Math.Max(index, m.Index + length);
            }
        }
    }

    internal Item NewItem(Transaction transaction, Item? left, Item? right, string? parentSub, ItemContent content)
    {
        var doc = transaction.Doc;
        var client = doc.ClientId;
        return new Item(client, doc.Store.GetState(client), left, left?.LastId, right, right?.Id, this, parentSub, content);
    }

    /// <summary>Checks values before anything is inserted, so that a bad value changes nothing.</summary>
    internal static void CheckInsertable(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            switch (value)
            {
                case SharedType type when type.Doc != null || type.Item != null:
                    throw new InvalidOperationException("A shared type can be inserted only once; this one is already part of a document.");
                case YDoc { ParentItem: not null }:
                    throw new InvalidOperationException("This sub-document is already part of a document.");
                case SharedType or YDoc or byte[]:
                    break;
                default:
                    AnyValues.Check(value);
                    break;
            }
        }
    }

    internal void ListInsertAfter(Transaction transaction, Item? reference, IEnumerable<object?> content)
    {
        var left = reference;
        var right = reference == null ? Start : reference.Right;
        List<object?>? pending = null;

        void Pack()
        {
            if (pending is { Count: > 0 })
            {
                left = NewItem(transaction, left, right, null, new AnyContent(pending));
                left.Integrate(transaction, 0);
                pending = null;
            }
        }

        foreach (var value in content)
        {
            switch (value)
            {
                case byte[] bytes:
                    Pack();
                    left = NewItem(transaction, left, right, null, new BinaryContent(bytes));
                    left.Integrate(transaction, 0);
                    break;
                case YDoc subdoc:
                    Pack();
                    left = NewItem(transaction, left, right, null, new DocContent(subdoc));
                    left.Integrate(transaction, 0);
                    break;
                case SharedType type:
                    Pack();
                    left = NewItem(transaction, left, right, null, new TypeContent(type));
                    left.Integrate(transaction, 0);
                    break;
                default:
                    (pending ??= new List<object?>()).Add(AnyValues.Check(value));
                    break;
            }
        }

        Pack();
    }

    internal void ListInsert(Transaction transaction, int index, IReadOnlyCollection<object?> content)
    {
        if (index < 0 || index > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {LengthField}.");
        }

        if (index == 0)
        {
            UpdateMarkerChanges(index, content.Count);
            ListInsertAfter(transaction, null, content);
            return;
        }

        var startIndex = index;
        var marker = FindMarker(index);
        var n = Start;
        if (marker != null)
        {
            n = marker.Item;
            index -= marker.Index;
            if (index == 0)
            {
                n = n.Prev;
                index += n != null && n.Countable && !n.Deleted ? n.Length : 0;
            }
        }

        for (; n != null; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index <= n.Length)
                {
                    if (index < n.Length)
                    {
                        transaction.Doc.Store.GetItemCleanStart(transaction, new StructId(n.Client, n.Clock + index));
                    }

                    break;
                }

                index -= n.Length;
            }
        }

        UpdateMarkerChanges(startIndex, content.Count);
        ListInsertAfter(transaction, n, content);
    }

    internal void ListPush(Transaction transaction, IReadOnlyCollection<object?> content)
    {
        Item? n = Start;
        var best = 0;
        if (SearchMarkers != null)
        {
            foreach (var m in SearchMarkers)
            {
                if (m.Index > best)
                {
                    best = m.Index;
                    n = m.Item;
                }
            }
        }

        if (n != null)
        {
            while (n.Right != null)
            {
                n = n.Right;
            }
        }

        ListInsertAfter(transaction, n, content);
    }

    internal void ListDelete(Transaction transaction, int index, int length)
    {
        if (length == 0)
        {
            return;
        }

        if (index < 0 || length < 0 || (long)index + length > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Cannot delete {length} at {index} from a sequence of length {LengthField}.");
        }

        var startIndex = index;
        var startLength = length;
        var marker = FindMarker(index);
        var n = Start;
        if (marker != null)
        {
            n = marker.Item;
            index -= marker.Index;
        }

        var store = transaction.Doc.Store;
        for (; n != null && index > 0; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index < n.Length)
                {
                    store.GetItemCleanStart(transaction, new StructId(n.Client, n.Clock + index));
                }

                index -= n.Length;
            }
        }

        while (length > 0 && n != null)
        {
            if (!n.Deleted)
            {
                if (length < n.Length)
                {
                    store.GetItemCleanStart(transaction, new StructId(n.Client, n.Clock + length));
                }

                n.Delete(transaction);
                length -= n.Length;
            }

            n = n.Right;
        }

        UpdateMarkerChanges(startIndex, -startLength + length);
    }

    internal object? ListGet(int index)
    {
        if (index < 0 || index >= LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be below {LengthField}.");
        }

        var marker = FindMarker(index);
        var n = Start;
        if (marker != null)
        {
            n = marker.Item;
            index -= marker.Index;
        }

        for (; n != null; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index < n.Length)
                {
                    return n.Content.GetContent()[index];
                }

                index -= n.Length;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    // ----- key-value part -----

    internal void MapSet(Transaction transaction, string key, object? value)
    {
        Map.TryGetValue(key, out var left);
        ItemContent content = value switch
        {
            byte[] bytes => new BinaryContent(bytes),
            YDoc subdoc => new DocContent(subdoc),
            SharedType type => new TypeContent(type),
            _ => new AnyContent([AnyValues.Check(value)]),
        };
        var doc = transaction.Doc;
        new Item(doc.ClientId, doc.Store.GetState(doc.ClientId), left, left?.LastId, null, null, this, key, content).Integrate(transaction, 0);
    }

    internal void MapDelete(Transaction transaction, string key)
    {
        if (Map.TryGetValue(key, out var item))
        {
            item.Delete(transaction);
        }
    }

    internal bool MapTryGet(string key, out object? value)
    {
        if (Map.TryGetValue(key, out var item) && !item.Deleted)
        {
            var content = item.Content.GetContent();
            value = content[item.Length - 1];
            return true;
        }

        value = null;
        return false;
    }

    internal bool MapTryGetAt(string key, Snapshot snapshot, out object? value)
    {
        value = null;
        Map.TryGetValue(key, out var v);
        while (v != null && (!snapshot.StateVector.TryGetValue(v.Client, out var clock) || v.Clock >= clock))
        {
            v = v.Left;
        }

        if (v != null && IsVisible(v, snapshot))
        {
            value = v.Content.GetContent()[v.Length - 1];
            return true;
        }

        return false;
    }

    internal Dictionary<string, object?> MapEntries()
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, item) in Map)
        {
            if (!item.Deleted)
            {
                result[key] = item.Content.GetContent()[item.Length - 1];
            }
        }

        return result;
    }

    /// <summary>A plain value for JSON-like comparison: nested types become their JSON form.</summary>
    internal static object? ToJsonValue(object? value)
    {
        if (value is not SharedType type)
        {
            return value;
        }

        // Nesting comes from peers; refuse (catchably) rather than overflow the stack.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return type.ToJson();
    }

    /// <summary>The content as plain values: strings for text, dictionaries for maps, lists for arrays.</summary>
    public abstract object? ToJson();
}

/// <summary>A root that an update named before the application asked for a text, map or array.</summary>
internal sealed class UntypedRoot : SharedType
{
    internal override byte TypeRef => 1;

    internal override SharedType CreateEmptyCopy() => new UntypedRoot();

    public override object? ToJson() => MapEntries();
}

/// <summary>Checks and normalizes values stored as Yjs <c>any</c> content.</summary>
internal static class AnyValues
{
    /// <summary>
    /// Validates <paramref name="value"/> and returns the value as a peer will read it: integers
    /// as <see cref="long"/>, other numbers as <see cref="double"/>, objects and arrays copied
    /// into <see cref="Dictionary{TKey,TValue}"/> and <see cref="List{T}"/>.
    /// </summary>
    public static object? Check(object? value)
    {
        // Writing to a scratch writer validates the whole value (and rejects types with no form).
        new Lib0Writer(16).WriteAny(value);
        return Normalize(value);
    }

    private static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double or byte[] or Undefined or System.Numerics.BigInteger => value,
        int or short or sbyte or byte or ushort or uint => System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ulong u => u <= long.MaxValue ? (long)u : (double)u,
        float f => (double)f,
        decimal m => (double)m,
        ReadOnlyMemory<byte> memory => memory.ToArray(),
        IEnumerable<KeyValuePair<string, object?>> entries => NormalizeObject(entries),
        System.Collections.IDictionary dictionary => NormalizeObject(dictionary.Cast<System.Collections.DictionaryEntry>()
            .Select(e => new KeyValuePair<string, object?>((string)e.Key, e.Value))),
        System.Collections.IEnumerable sequence => sequence.Cast<object?>().Select(Normalize).ToList(),
        _ => value,
    };

    private static Dictionary<string, object?> NormalizeObject(IEnumerable<KeyValuePair<string, object?>> entries)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, item) in entries)
        {
            result[key] = Normalize(item);
        }

        return result;
    }
}
