namespace NegotiationEditor.Crdt;

/// <summary>A shared array of values (any JSON-like value, bytes, nested types or sub-documents).</summary>
public sealed class YArray : SharedType
{
    internal YArray()
    {
        SearchMarkers = new List<SearchMarker>();
    }

    /// <summary>Creates an array not yet part of a document (insert it into a map or array).</summary>
    public static YArray CreateDetached() => new();

    internal override byte TypeRef => 0;

    internal override SharedType CreateEmptyCopy() => new YArray();

    /// <summary>The number of elements.</summary>
    public int Length => LengthField;

    /// <summary>Inserts <paramref name="values"/> at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the array.</exception>
    public void Insert(int index, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (index < 0 || index > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {LengthField}.");
        }

        CheckInsertable(values);
        RequireTransaction(t => ListInsert(t, index, values));
    }

    /// <summary>Appends <paramref name="values"/>.</summary>
    public void Push(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckInsertable(values);
        RequireTransaction(t => ListPush(t, values));
    }

    /// <summary>Deletes <paramref name="length"/> elements starting at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the array.</exception>
    public void Delete(int index, int length = 1)
    {
        if (index < 0 || length < 0 || (long)index + length > LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"Cannot delete {length} at {index} from an array of length {LengthField}.");
        }

        RequireTransaction(t => ListDelete(t, index, length));
    }

    /// <summary>The element at <paramref name="index"/>.</summary>
    public object? Get(int index) => ListGet(index);

    /// <summary>All elements.</summary>
    public IReadOnlyList<object?> ToArray() => ListToArray();

    /// <summary>The elements, with nested types as their JSON form.</summary>
    public override object? ToJson() => ListToArray().Select(ToJsonValue).ToList();

    internal override void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        base.CallObserver(transaction, parentSubs);
        if (IsObserved)
        {
            CallTypeObservers(transaction, new YArrayEvent(this, transaction));
        }
    }
}

/// <summary>A change of a <see cref="YArray"/>; its delta inserts lists of values.</summary>
public sealed class YArrayEvent : YEvent
{
    internal YArrayEvent(YArray target, Transaction transaction) : base(target, transaction)
    {
    }
}
