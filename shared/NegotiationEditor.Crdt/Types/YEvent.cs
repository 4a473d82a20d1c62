using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>One operation of a delta: insert content, retain (and possibly format) or delete a length.</summary>
public sealed record DeltaOperation
{
    /// <summary>Inserted content: a string for text, a list of values for arrays, or an embed/type.</summary>
    public object? Insert { get; init; }

    /// <summary>The number of units kept, or null.</summary>
    public int? Retain { get; init; }

    /// <summary>The number of units removed, or null.</summary>
    public int? Delete { get; init; }

    /// <summary>Formatting attributes of an insert or a retain, or null for none.</summary>
    public IReadOnlyDictionary<string, object?>? Attributes { get; init; }

    /// <summary>An insert with optional attributes.</summary>
    public static DeltaOperation Inserting(object insert, IReadOnlyDictionary<string, object?>? attributes = null) =>
        new() { Insert = insert, Attributes = attributes };

    /// <summary>A retain with optional attributes.</summary>
    public static DeltaOperation Retaining(int length, IReadOnlyDictionary<string, object?>? attributes = null) =>
        new() { Retain = length, Attributes = attributes };

    /// <summary>A deletion.</summary>
    public static DeltaOperation Deleting(int length) => new() { Delete = length };
}

/// <summary>How a map key changed in a transaction.</summary>
public enum KeyChangeAction
{
    /// <summary>The key did not exist before.</summary>
    Add,

    /// <summary>The key got a new value.</summary>
    Update,

    /// <summary>The key was removed.</summary>
    Delete,
}

/// <summary>A changed key: the action and the value before the transaction.</summary>
public sealed record KeyChange(KeyChangeAction Action, object? OldValue);

/// <summary>What changed in one shared type during one transaction.</summary>
public class YEvent
{
    private Dictionary<string, KeyChange>? keys;
    private List<DeltaOperation>? delta;

    internal YEvent(SharedType target, Transaction transaction)
    {
        Target = target;
        CurrentTarget = target;
        Transaction = transaction;
        transaction.HasEvents = true;
    }

    /// <summary>The type that changed.</summary>
    public SharedType Target { get; }

    /// <summary>The type whose (deep) observer is being called.</summary>
    public SharedType CurrentTarget { get; internal set; }

    /// <summary>The transaction that made the change.</summary>
    public Transaction Transaction { get; }

    /// <summary>The path from <see cref="CurrentTarget"/> to <see cref="Target"/>: map keys and array indices.</summary>
    public IReadOnlyList<object> Path => GetPath(CurrentTarget, Target);

    internal bool Adds(AbstractStruct structure) => Transaction.Adds(structure);

    internal bool Deletes(AbstractStruct structure) => Transaction.Deletes(structure);

    /// <summary>The changed keys of the key-value part.</summary>
    public IReadOnlyDictionary<string, KeyChange> Keys => keys ??= ComputeKeys();

    /// <summary>The change of the sequence part as a delta (inserted values as lists).</summary>
    public virtual IReadOnlyList<DeltaOperation> Delta => delta ??= ComputeSequenceDelta();

    private static List<object> GetPath(SharedType parent, SharedType child)
    {
        var path = new List<object>();
        var current = child;
        while (current.Item != null && current != parent)
        {
            var item = current.Item;
            if (item.ParentSub != null)
            {
                path.Insert(0, item.ParentSub);
            }
            else
            {
                var i = 0;
                var c = item.Parent!.Start;
                while (c != item && c != null)
                {
                    if (!c.Deleted && c.Countable)
                    {
                        i += c.Length;
                    }

                    c = c.Right;
                }

                path.Insert(0, i);
            }

            current = item.Parent!;
        }

        return path;
    }

    private Dictionary<string, KeyChange> ComputeKeys()
    {
        var result = new Dictionary<string, KeyChange>();
        if (!Transaction.Changed.TryGetValue(Target, out var changed))
        {
            return result;
        }

        foreach (var key in changed)
        {
            if (key == null || !Target.Map.TryGetValue(key, out var item))
            {
                continue;
            }

            if (Adds(item))
            {
                var prev = item.Left;
                while (prev != null && Adds(prev))
                {
                    prev = prev.Left;
                }

                if (Deletes(item))
                {
                    if (prev != null && Deletes(prev))
                    {
                        result[key] = new KeyChange(KeyChangeAction.Delete, Last(prev));
                    }
                }
                else if (prev != null && Deletes(prev))
                {
                    result[key] = new KeyChange(KeyChangeAction.Update, Last(prev));
                }
                else
                {
                    result[key] = new KeyChange(KeyChangeAction.Add, null);
                }
            }
            else if (Deletes(item))
            {
                result[key] = new KeyChange(KeyChangeAction.Delete, Last(item));
            }
        }

        return result;
    }

    private static object? Last(Item item)
    {
        var content = item.Content.GetContent();
        return content.Count == 0 ? null : content[^1];
    }

    private List<DeltaOperation> ComputeSequenceDelta()
    {
        var result = new List<DeltaOperation>();
        if (!Transaction.Changed.TryGetValue(Target, out var changed) || !changed.Contains(null))
        {
            return result;
        }

        List<object?>? insert = null;
        var retain = 0;
        var delete = 0;

        void Pack()
        {
            if (insert != null)
            {
                result.Add(new DeltaOperation { Insert = insert });
                insert = null;
            }
            else if (retain > 0)
            {
                result.Add(new DeltaOperation { Retain = retain });
                retain = 0;
            }
            else if (delete > 0)
            {
                result.Add(new DeltaOperation { Delete = delete });
                delete = 0;
            }
        }

        for (var item = Target.Start; item != null; item = item.Right)
        {
            if (item.Deleted)
            {
                if (Deletes(item) && !Adds(item))
                {
                    if (delete == 0)
                    {
                        Pack();
                    }

                    delete += item.Length;
                }
            }
            else if (Adds(item))
            {
                if (insert == null)
                {
                    Pack();
                    insert = new List<object?>();
                }

                insert.AddRange(item.Content.GetContent());
            }
            else
            {
                if (retain == 0)
                {
                    Pack();
                }

                retain += item.Length;
            }
        }

        if (retain == 0)
        {
            Pack();
        }

        return result;
    }
}
