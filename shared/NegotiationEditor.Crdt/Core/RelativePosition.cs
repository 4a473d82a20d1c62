using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// A position anchored to content rather than to an index: it follows the character it names
/// through concurrent edits. Encoded exactly as Yjs's <c>encodeRelativePosition</c>.
/// </summary>
public sealed class RelativePosition
{
    internal RelativePosition(StructId? typeId, string? typeName, StructId? item, long assoc)
    {
        TypeId = typeId;
        TypeName = typeName;
        Item = item;
        Assoc = assoc;
    }

    /// <summary>The item holding the type, when the type is nested and the position is at its end.</summary>
    public StructId? TypeId { get; }

    /// <summary>The root type's name, when the position is at the end of a root type.</summary>
    public string? TypeName { get; }

    /// <summary>The unit the position is attached to (the character right of it, or left when <see cref="Assoc"/> is negative).</summary>
    public StructId? Item { get; }

    /// <summary>0 or more: stick to the unit on the right; negative: stick to the unit on the left.</summary>
    public long Assoc { get; }

    /// <summary>Creates a position at <paramref name="index"/> of a text or array.</summary>
    public static RelativePosition FromIndex(SharedType type, int index, int assoc = 0)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (index < 0 || index > type.LengthField)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {type.LengthField}.");
        }

        var t = type.Start;
        if (assoc < 0)
        {
            if (index == 0)
            {
                return Create(type, null, assoc);
            }

            index--;
        }

        while (t != null)
        {
            if (!t.Deleted && t.Countable)
            {
                if (t.Length > index)
                {
                    return Create(type, new StructId(t.Client, t.Clock + index), assoc);
                }

                index -= t.Length;
            }

            if (t.Right == null && assoc < 0)
            {
                return Create(type, t.LastId, assoc);
            }

            t = t.Right;
        }

        return Create(type, null, assoc);
    }

    private static RelativePosition Create(SharedType type, StructId? item, int assoc) =>
        type.Item == null
            ? new RelativePosition(null, type.RootName, item, assoc)
            : new RelativePosition(type.Item.Id, null, item, assoc);

    /// <summary>Encodes the position as Yjs does.</summary>
    public byte[] Encode()
    {
        var writer = new Lib0Writer();
        if (Item is { } item)
        {
            writer.WriteVarUInt(0);
            writer.WriteVarUInt(item.Client);
            writer.WriteVarUInt((ulong)item.Clock);
        }
        else if (TypeName != null)
        {
            writer.WriteByte(1);
            writer.WriteVarString(TypeName);
        }
        else if (TypeId is { } typeId)
        {
            writer.WriteByte(2);
            writer.WriteVarUInt(typeId.Client);
            writer.WriteVarUInt((ulong)typeId.Clock);
        }
        else
        {
            throw new InvalidOperationException("A relative position needs an item, a root name or a type id.");
        }

        writer.WriteVarInt(Assoc);
        return writer.ToArray();
    }

    /// <summary>Decodes a position written by <see cref="Encode"/> or by Yjs.</summary>
    /// <exception cref="CrdtFormatException">The bytes are not a relative position.</exception>
    public static RelativePosition Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = new Lib0Reader(bytes);
        StructId? typeId = null;
        string? typeName = null;
        StructId? item = null;
        switch (reader.ReadVarUInt())
        {
            case 0:
                item = new StructId(reader.ReadVarUInt(), (long)reader.ReadVarUInt());
                break;
            case 1:
                typeName = reader.ReadVarString();
                break;
            case 2:
                typeId = new StructId(reader.ReadVarUInt(), (long)reader.ReadVarUInt());
                break;
            default:
                throw new CrdtFormatException("Unknown relative position kind.");
        }

        var assoc = reader.HasMore ? reader.ReadVarInt() : 0;
        return new RelativePosition(typeId, typeName, item, assoc);
    }

    /// <summary>
    /// The index this position has now in <paramref name="doc"/>, or null when the content it
    /// refers to is not (yet) known there or its type was deleted.
    /// </summary>
    public int? ToIndex(YDoc doc) => ToAbsolute(doc)?.Index;

    /// <summary>The type and index this position has now in <paramref name="doc"/>, or null.</summary>
    public (SharedType Type, int Index)? ToAbsolute(YDoc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var store = doc.Store;
        SharedType? type;
        var index = 0;
        if (Item is { } rightId)
        {
            if (store.GetState(rightId.Client) <= rightId.Clock)
            {
                return null;
            }

            var found = store.Find(rightId);
            if (found is not Structs.Item right)
            {
                return null;
            }

            var diff = (int)(rightId.Clock - right.Clock);
            type = right.Parent;
            if (type == null)
            {
                return null;
            }

            if (type.Item == null || !type.Item.Deleted)
            {
                index = right.Deleted || !right.Countable ? 0 : diff + (Assoc >= 0 ? 0 : 1);
                for (var n = right.Left; n != null; n = n.Left)
                {
                    if (!n.Deleted && n.Countable)
                    {
                        index += n.Length;
                    }
                }
            }
        }
        else
        {
            if (TypeName != null)
            {
                if (!doc.Share.TryGetValue(TypeName, out type))
                {
                    return null;
                }
            }
            else if (TypeId is { } typeId)
            {
                if (store.GetState(typeId.Client) <= typeId.Clock)
                {
                    return null;
                }

                if (store.Find(typeId) is Structs.Item { Content: TypeContent content })
                {
                    type = content.Type;
                }
                else
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            index = Assoc >= 0 ? type.LengthField : 0;
        }

        return (type, index);
    }
}
