namespace NegotiationEditor.Crdt;

/// <summary>A shared map from string keys to values (any JSON-like value, bytes, nested types or sub-documents).</summary>
public sealed class YMap : SharedType
{
    internal YMap()
    {
    }

    /// <summary>Creates a map not yet part of a document (insert it into a map or array).</summary>
    public static YMap CreateDetached() => new();

    internal override byte TypeRef => 1;

    internal override SharedType CreateEmptyCopy() => new YMap();

    /// <summary>The number of keys with a value.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var item in Map.Values)
            {
                if (!item.Deleted)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>The keys with a value.</summary>
    public IReadOnlyList<string> Keys => Map.Where(e => !e.Value.Deleted).Select(e => e.Key).ToList();

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value cannot be stored in a Yjs document.</exception>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckInsertable([value]);
        RequireTransaction(t => MapSet(t, key, value));
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        RequireTransaction(t => MapDelete(t, key));
    }

    /// <summary>Reads the value of <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out object? value) => MapTryGet(key, out value);

    /// <summary>The value of <paramref name="key"/>, or null when absent.</summary>
    public object? Get(string key) => MapTryGet(key, out var value) ? value : null;

    /// <summary>Whether <paramref name="key"/> has a value.</summary>
    public bool ContainsKey(string key) => Map.TryGetValue(key, out var item) && !item.Deleted;

    /// <summary>The value of <paramref name="key"/> at <paramref name="snapshot"/>.</summary>
    public bool TryGetValue(string key, Snapshot snapshot, out object? value) => MapTryGetAt(key, snapshot, out value);

    /// <summary>The entries, with nested types as their JSON form.</summary>
    public override object? ToJson()
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in MapEntries())
        {
            result[key] = ToJsonValue(value);
        }

        return result;
    }

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        base.CallObserver(transaction, parentSubs);
        if (IsObserved)
        {
            CallTypeObservers(transaction, new YMapEvent(this, transaction, parentSubs));
        }
    }
}

/// <summary>A change of a <see cref="YMap"/>.</summary>
public sealed class YMapEvent : YEvent
{
    internal YMapEvent(YMap target, Transaction transaction, HashSet<string?> subs) : base(target, transaction)
    {
        KeysChanged = subs.Where(s => s != null).Select(s => s!).ToHashSet();
    }

    /// <summary>The keys that changed.</summary>
    public IReadOnlySet<string> KeysChanged { get; }
}
