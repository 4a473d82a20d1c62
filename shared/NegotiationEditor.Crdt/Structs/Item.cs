using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Structs;

/// <summary>
/// A run of content in a shared type: a node of the type's doubly linked list (or of a map key's
/// chain), with the neighbours it was created between.
/// </summary>
internal sealed class Item : AbstractStruct
{
    private const byte KeepFlag = 1;
    private const byte CountableFlag = 2;
    private const byte DeletedFlag = 4;
    private const byte MarkerFlag = 8;

    private byte flags;

    public Item(ulong client, long clock, Item? left, StructId? origin, Item? right, StructId? rightOrigin,
        SharedType? parent, string? parentSub, ItemContent content)
        : base(client, clock, content.Length)
    {
        Left = left;
        Origin = origin;
        Right = right;
        RightOrigin = rightOrigin;
        Parent = parent;
        ParentSub = parentSub;
        Content = content;
        flags = content.Countable ? CountableFlag : (byte)0;
    }

    /// <summary>The id of the unit left of this item when it was created.</summary>
    public StructId? Origin;

    /// <summary>The id of the unit right of this item when it was created.</summary>
    public StructId? RightOrigin;

    public Item? Left;
    public Item? Right;
    public SharedType? Parent;

    /// <summary>Before integration: the root name the update named as parent.</summary>
    public string? ParentName;

    /// <summary>Before integration: the id of the item holding the parent type.</summary>
    public StructId? ParentId;

    public string? ParentSub;
    public ItemContent Content;

    public bool Keep
    {
        get => (flags & KeepFlag) != 0;
        set => flags = value ? (byte)(flags | KeepFlag) : (byte)(flags & ~KeepFlag);
    }

    public bool Countable => (flags & CountableFlag) != 0;

    public override bool Deleted => (flags & DeletedFlag) != 0;

    public bool Marker
    {
        get => (flags & MarkerFlag) != 0;
        set => flags = value ? (byte)(flags | MarkerFlag) : (byte)(flags & ~MarkerFlag);
    }

    public StructId LastId => new(Client, Clock + Length - 1);

    /// <summary>The item to the left that is not deleted, or null.</summary>
    public Item? Prev
    {
        get
        {
            var n = Left;
            while (n != null && n.Deleted)
            {
                n = n.Left;
            }

            return n;
        }
    }

    public void MarkDeleted() => flags |= DeletedFlag;

    public override ulong? GetMissing(Transaction transaction, StructStore store)
    {
        if (Origin is { } origin && origin.Client != Client && origin.Clock >= store.GetState(origin.Client))
        {
            return origin.Client;
        }

        if (RightOrigin is { } rightOrigin && rightOrigin.Client != Client && rightOrigin.Clock >= store.GetState(rightOrigin.Client))
        {
            return rightOrigin.Client;
        }

        if (ParentId is { } parentId && parentId.Client != Client && parentId.Clock >= store.GetState(parentId.Client))
        {
            return parentId.Client;
        }

        // Everything referred to exists: find the neighbours. A garbage-collected neighbour
        // means the parent is gone too, and the item will be integrated as GC.
        var neighbourCollected = false;
        if (Origin is { } o)
        {
            var left = store.GetItemCleanEnd(transaction, o);
            Left = left as Item;
            Origin = new StructId(left.Client, left.Clock + left.Length - 1);
            if (left is GcStruct)
            {
                Left = null;
                neighbourCollected = true;
            }
        }

        if (RightOrigin is { } ro)
        {
            var right = store.GetItemCleanStart(transaction, ro);
            Right = right as Item;
            RightOrigin = new StructId(right.Client, right.Clock);
            if (right is GcStruct)
            {
                Right = null;
                neighbourCollected = true;
            }
        }

        if (neighbourCollected)
        {
            Parent = null;
            ParentName = null;
            ParentId = null;
        }
        else if (ParentName == null && ParentId == null && Parent == null)
        {
            if (Left != null)
            {
                Parent = Left.Parent;
                ParentSub = Left.ParentSub;
            }
            else if (Right != null)
            {
                Parent = Right.Parent;
                ParentSub = Right.ParentSub;
            }
        }
        else if (ParentId is { } pid)
        {
            var parentStruct = store.Find(pid);
            Parent = parentStruct is Item { Content: TypeContent typeContent } ? typeContent.Type : null;
            ParentId = null;
        }
        else if (ParentName != null)
        {
            Parent = transaction.Doc.GetOrCreateRoot(ParentName);
            ParentName = null;
        }

        return null;
    }

    public override void Integrate(Transaction transaction, int offset)
    {
        var store = transaction.Doc.Store;
        if (offset > 0)
        {
            Clock += offset;
            var leftStruct = store.GetItemCleanEnd(transaction, new StructId(Client, Clock - 1));
            Left = leftStruct as Item;
            Origin = new StructId(leftStruct.Client, leftStruct.Clock + leftStruct.Length - 1);
            Content = Content.Splice(offset);
            Length -= offset;
            if (leftStruct is GcStruct)
            {
                Parent = null;
            }
        }

        if (Parent != null)
        {
            var parent = Parent;
            if ((Left == null && (Right == null || Right.Left != null)) || (Left != null && Left.Right != Right))
            {
                var left = Left;
                Item? o;
                if (left != null)
                {
                    o = left.Right;
                }
                else if (ParentSub != null)
                {
                    parent.Map.TryGetValue(ParentSub, out o);
                    while (o != null && o.Left != null)
                    {
                        o = o.Left;
                    }
                }
                else
                {
                    o = parent.Start;
                }

                HashSet<Item>? conflicting = null;
                HashSet<Item>? beforeOrigin = null;
                while (o != null && o != Right)
                {
                    beforeOrigin ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
                    conflicting ??= new HashSet<Item>(ReferenceEqualityComparer.Instance);
                    beforeOrigin.Add(o);
                    conflicting.Add(o);
                    if (Origin == o.Origin)
                    {
                        if (o.Client < Client)
                        {
                            left = o;
                            conflicting.Clear();
                        }
                        else if (RightOrigin == o.RightOrigin)
                        {
                            break;
                        }
                    }
                    else if (o.Origin is { } oOrigin && store.Find(oOrigin) is Item originItem && beforeOrigin.Contains(originItem))
                    {
                        if (!conflicting.Contains(originItem))
                        {
                            left = o;
                            conflicting.Clear();
                        }
                    }
                    else
                    {
                        break;
                    }

                    o = o.Right;
                }

                Left = left;
            }

            if (Left != null)
            {
                Right = Left.Right;
                Left.Right = this;
            }
            else
            {
                Item? r;
                if (ParentSub != null)
                {
                    parent.Map.TryGetValue(ParentSub, out r);
                    while (r != null && r.Left != null)
                    {
                        r = r.Left;
                    }
                }
                else
                {
                    r = parent.Start;
                    parent.Start = this;
                }

                Right = r;
            }

            if (Right != null)
            {
                Right.Left = this;
            }
            else if (ParentSub != null)
            {
                parent.Map[ParentSub] = this;
                Left?.Delete(transaction);
            }

            if (ParentSub == null && Countable && !Deleted)
            {
                parent.LengthField += Length;
            }

            store.AddStruct(this);
            Content.Integrate(transaction, this);
            transaction.AddChangedType(parent, ParentSub);
            if ((parent.Item != null && parent.Item.Deleted) || (ParentSub != null && Right != null))
            {
                Delete(transaction);
            }
        }
        else
        {
            new GcStruct(Client, Clock, Length).Integrate(transaction, 0);
        }
    }

    /// <summary>
    /// Deletes the item and, for a nested type, everything in it. Nested types are walked with an
    /// explicit stack in the order Yjs's recursion uses, so that deeply nested documents cannot
    /// exhaust the call stack.
    /// </summary>
    public void Delete(Transaction transaction)
    {
        if (Deleted)
        {
            return;
        }

        MarkAndRecordDeletion(transaction);
        if (Content is not TypeContent rootType)
        {
            Content.Delete(transaction);
            return;
        }

        var stack = new Stack<TypeDeletion>();
        stack.Push(new TypeDeletion(rootType.Type));
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            var child = frame.NextToDelete(transaction);
            if (child == null)
            {
                transaction.Changed.Remove(frame.Type);
                stack.Pop();
                continue;
            }

            child.MarkAndRecordDeletion(transaction);
            if (child.Content is TypeContent nested)
            {
                stack.Push(new TypeDeletion(nested.Type));
            }
            else
            {
                child.Content.Delete(transaction);
            }
        }
    }

    private void MarkAndRecordDeletion(Transaction transaction)
    {
        var parent = Parent!;
        if (Countable && ParentSub == null)
        {
            parent.LengthField -= Length;
        }

        MarkDeleted();
        transaction.DeleteSet.Add(Client, Clock, Length);
        transaction.AddChangedType(parent, ParentSub);
    }

    /// <summary>Walks the children of a type being deleted: its sequence first, then its map values.</summary>
    private sealed class TypeDeletion
    {
        private Item? nextInList;
        private Item[]? mapValues;
        private int mapIndex;

        public TypeDeletion(SharedType type)
        {
            Type = type;
            nextInList = type.Start;
        }

        public SharedType Type { get; }

        /// <summary>The next child that is not deleted yet, or null when all are done.</summary>
        public Item? NextToDelete(Transaction transaction)
        {
            while (nextInList != null)
            {
                var item = nextInList;
                nextInList = item.Right;
                if (!item.Deleted)
                {
                    return item;
                }

                if (item.Clock < transaction.BeforeStateOf(item.Client))
                {
                    transaction.MergeStructs.Add(item);
                }
            }

            mapValues ??= [.. Type.Map.Values];
            while (mapIndex < mapValues.Length)
            {
                var item = mapValues[mapIndex++];
                if (!item.Deleted)
                {
                    return item;
                }

                if (item.Clock < transaction.BeforeStateOf(item.Client))
                {
                    transaction.MergeStructs.Add(item);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Replaces the content of this deleted item by its length (or the whole item by a GC struct
    /// when its parent is collected too), and collects everything inside a nested type. Uses an
    /// explicit stack rather than recursion.
    /// </summary>
    public void Gc(StructStore store, bool parentGcd)
    {
        CollectOne(store, this, parentGcd, null);
    }

    private static void CollectOne(StructStore store, Item item, bool parentGcd, Stack<Item>? pending)
    {
        if (item.Content is TypeContent typeContent)
        {
            pending ??= new Stack<Item>();
            var type = typeContent.Type;
            for (var child = type.Start; child != null; child = child.Right)
            {
                pending.Push(child);
            }

            foreach (var last in type.Map.Values)
            {
                for (var entry = last; entry != null; entry = entry.Left)
                {
                    pending.Push(entry);
                }
            }

            type.Start = null;
            type.Map.Clear();
        }

        if (parentGcd)
        {
            store.ReplaceStruct(item, new GcStruct(item.Client, item.Clock, item.Length));
        }
        else
        {
            item.Content = new DeletedContent(item.Length);
        }

        while (pending is { Count: > 0 })
        {
            var next = pending.Pop();
            if (next.Content is TypeContent nested)
            {
                var type = nested.Type;
                for (var child = type.Start; child != null; child = child.Right)
                {
                    pending.Push(child);
                }

                foreach (var last in type.Map.Values)
                {
                    for (var entry = last; entry != null; entry = entry.Left)
                    {
                        pending.Push(entry);
                    }
                }

                type.Start = null;
                type.Map.Clear();
            }

            store.ReplaceStruct(next, new GcStruct(next.Client, next.Clock, next.Length));
        }
    }

    public override bool MergeWith(AbstractStruct other)
    {
        if (other is not Item right
            || right.Origin != LastId
            || Right != right
            || RightOrigin != right.RightOrigin
            || Client != right.Client
            || Clock + Length != right.Clock
            || Deleted != right.Deleted
            || Content.GetType() != right.Content.GetType()
            || !Content.MergeWith(right.Content))
        {
            return false;
        }

        var markers = Parent?.SearchMarkers;
        if (markers != null)
        {
            foreach (var marker in markers)
            {
                if (marker.Item == right)
                {
                    marker.Item = this;
                    if (!Deleted && Countable)
                    {
                        marker.Index -= Length;
                    }
                }
            }
        }

        if (right.Keep)
        {
            Keep = true;
        }

        Right = right.Right;
        if (Right != null)
        {
            Right.Left = this;
        }

        Length += right.Length;
        return true;
    }

    /// <summary>Splits this item at <paramref name="diff"/> and returns the right part (splitItem in Yjs).</summary>
    public Item Split(Transaction? transaction, int diff)
    {
        var right = new Item(Client, Clock + diff, this, new StructId(Client, Clock + diff - 1), Right, RightOrigin,
            Parent, ParentSub, Content.Splice(diff));
        if (Deleted)
        {
            right.MarkDeleted();
        }

        if (Keep)
        {
            right.Keep = true;
        }

        Right = right;
        if (right.Right != null)
        {
            right.Right.Left = right;
        }

        transaction?.MergeStructs.Add(right);
        if (right.ParentSub != null && right.Right == null)
        {
            right.Parent!.Map[right.ParentSub] = right;
        }

        Length = diff;
        return right;
    }

    /// <summary>Set by the decoder when the info byte had the key flag but the key was not written (it has neighbours).</summary>
    public bool KeyFlagWithoutKey;

    public override void Write(Lib0Writer writer, int offset) => Write(writer, offset, false);

    /// <summary>
    /// Writes the item. With <paramref name="preserveKeyFlag"/> an item read from an update keeps
    /// its key flag even though the key was not written (Yjs itself drops it when re-encoding).
    /// </summary>
    public void Write(Lib0Writer writer, int offset, bool preserveKeyFlag)
    {
        StructId? origin = offset > 0 ? new StructId(Client, Clock + offset - 1) : Origin;
        var info = (byte)((Content.Ref & 0x1F)
            | (origin == null ? 0 : 0x80)
            | (RightOrigin == null ? 0 : 0x40)
            | (ParentSub == null && !(preserveKeyFlag && KeyFlagWithoutKey) ? 0 : 0x20));
        writer.WriteByte(info);
        if (origin is { } o)
        {
            writer.WriteVarUInt(o.Client);
            writer.WriteVarUInt((ulong)o.Clock);
        }

        if (RightOrigin is { } ro)
        {
            writer.WriteVarUInt(ro.Client);
            writer.WriteVarUInt((ulong)ro.Clock);
        }

        if (origin == null && RightOrigin == null)
        {
            if (Parent != null)
            {
                if (Parent.Item == null)
                {
                    writer.WriteVarUInt(1);
                    writer.WriteVarString(Parent.RootName ?? throw new InvalidOperationException("A root type without a name."));
                }
                else
                {
                    writer.WriteVarUInt(0);
                    writer.WriteVarUInt(Parent.Item.Client);
                    writer.WriteVarUInt((ulong)Parent.Item.Clock);
                }
            }
            else if (ParentName != null)
            {
                writer.WriteVarUInt(1);
                writer.WriteVarString(ParentName);
            }
            else if (ParentId is { } pid)
            {
                writer.WriteVarUInt(0);
                writer.WriteVarUInt(pid.Client);
                writer.WriteVarUInt((ulong)pid.Clock);
            }
            else
            {
                throw new InvalidOperationException("An item without parent information cannot be written.");
            }

            if (ParentSub != null)
            {
                writer.WriteVarString(ParentSub);
            }
        }

        Content.Write(writer, offset);
    }
}
