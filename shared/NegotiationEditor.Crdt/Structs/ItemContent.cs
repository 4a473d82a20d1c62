using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Structs;

/// <summary>What an item carries. The content ref numbers are those of update format V1.</summary>
internal abstract class ItemContent
{
    public abstract byte Ref { get; }

    public abstract int Length { get; }

    /// <summary>Whether the content counts toward the visible length of a sequence.</summary>
    public abstract bool Countable { get; }

    public abstract ItemContent Copy();

    /// <summary>Keeps the first <paramref name="offset"/> units and returns the rest.</summary>
    public abstract ItemContent Splice(int offset);

    public virtual bool MergeWith(ItemContent right) => false;

    public virtual void Integrate(Transaction transaction, Item item)
    {
    }

    public virtual void Delete(Transaction transaction)
    {
    }

    public abstract void Write(Lib0Writer writer, int offset);

    /// <summary>The values this content shows in a sequence, one per clock.</summary>
    public abstract IReadOnlyList<object?> GetContent();
}

internal sealed class DeletedContent : ItemContent
{
    public const byte RefNumber = 1;
    private int length;

    public DeletedContent(int length)
    {
        this.length = length;
    }

    public override byte Ref => RefNumber;

    public override int Length => length;

    public override bool Countable => false;

    public override ItemContent Copy() => new DeletedContent(length);

    public override ItemContent Splice(int offset)
    {
        var right = new DeletedContent(length - offset);
        length = offset;
        return right;
    }

    public override bool MergeWith(ItemContent right)
    {
        length += right.Length;
        return true;
    }

    public override void Integrate(Transaction transaction, Item item)
    {
        transaction.DeleteSet.Add(item.Client, item.Clock, length);
        item.MarkDeleted();
    }

    public override void Write(Lib0Writer writer, int offset) => writer.WriteVarUInt((ulong)(length - offset));

    public override IReadOnlyList<object?> GetContent() => [];
}

internal sealed class JsonContent : ItemContent
{
    public const byte RefNumber = 2;
    private List<object?> values;

    public JsonContent(List<object?> values)
    {
        this.values = values;
    }

    public List<object?> Values => values;

    public override byte Ref => RefNumber;

    public override int Length => values.Count;

    public override bool Countable => true;

    public override ItemContent Copy() => new JsonContent([.. values]);

    public override ItemContent Splice(int offset)
    {
        var right = new JsonContent(values.GetRange(offset, values.Count - offset));
        values.RemoveRange(offset, values.Count - offset);
        return right;
    }

    public override bool MergeWith(ItemContent right)
    {
        values.AddRange(((JsonContent)right).values);
        return true;
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteVarUInt((ulong)(values.Count - offset));
        for (var i = offset; i < values.Count; i++)
        {
            var value = values[i];
            writer.WriteVarString(value is Undefined ? "undefined" : JsJson.Stringify(value));
        }
    }

    public override IReadOnlyList<object?> GetContent() => values;
}

internal sealed class BinaryContent : ItemContent
{
    public const byte RefNumber = 3;

    public BinaryContent(byte[] bytes)
    {
        Bytes = bytes;
    }

    public byte[] Bytes { get; }

    public override byte Ref => RefNumber;

    public override int Length => 1;

    public override bool Countable => true;

    public override ItemContent Copy() => new BinaryContent(Bytes);

    public override ItemContent Splice(int offset) => throw new InvalidOperationException("Binary content has length 1.");

    public override void Write(Lib0Writer writer, int offset) => writer.WriteVarBytes(Bytes);

    public override IReadOnlyList<object?> GetContent() => [Bytes];
}

/// <summary>
/// Text. Kept in a growable buffer so typing, which merges each new character into the run
/// before it, appends in place instead of copying the run.
/// </summary>
internal sealed class TextContent : ItemContent
{
    public const byte RefNumber = 4;
    private char[] chars;
    private int length;

    public TextContent(string text)
    {
        chars = text.ToCharArray();
        length = chars.Length;
    }

    private TextContent(char[] chars, int length)
    {
        this.chars = chars;
        this.length = length;
    }

    public override byte Ref => RefNumber;

    public override int Length => length;

    public override bool Countable => true;

    public ReadOnlySpan<char> Span => chars.AsSpan(0, length);

    public string Text => new(chars, 0, length);

    public override ItemContent Copy() => new TextContent(chars.AsSpan(0, length).ToArray(), length);

    public override ItemContent Splice(int offset)
    {
        var right = new TextContent(chars.AsSpan(offset, length - offset).ToArray(), length - offset);
        length = offset;
        // A surrogate pair cut in half becomes two replacement characters, as in Yjs.
        if (offset > 0 && char.IsHighSurrogate(chars[offset - 1]))
        {
            chars[offset - 1] = '\uFFFD';
            if (right.length > 0)
            {
                right.chars[0] = '\uFFFD';
            }
        }

        if (chars.Length > 64 && length < chars.Length / 4)
        {
            Array.Resize(ref chars, length);
        }

        return right;
    }

    public override bool MergeWith(ItemContent right)
    {
        var other = (TextContent)right;
        var needed = length + other.length;
        if (needed > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(needed, Math.Min(chars.Length * 2, needed + 4096)));
        }

        other.chars.AsSpan(0, other.length).CopyTo(chars.AsSpan(length));
        length = needed;
        return true;
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteVarString(chars.AsSpan(offset, length - offset));
    }

    public override IReadOnlyList<object?> GetContent()
    {
        var result = new object?[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = chars[i].ToString();
        }

        return result;
    }
}

internal sealed class EmbedContent : ItemContent
{
    public const byte RefNumber = 5;

    public EmbedContent(object? embed)
    {
        Embed = embed;
    }

    public object? Embed { get; }

    public override byte Ref => RefNumber;

    public override int Length => 1;

    public override bool Countable => true;

    public override ItemContent Copy() => new EmbedContent(Embed);

    public override ItemContent Splice(int offset) => throw new InvalidOperationException("Embed content has length 1.");

    public override void Write(Lib0Writer writer, int offset) => writer.WriteVarString(JsJson.Stringify(Embed));

    public override IReadOnlyList<object?> GetContent() => [Embed];
}

internal sealed class FormatContent : ItemContent
{
    public const byte RefNumber = 6;

    public FormatContent(string key, object? value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }

    public object? Value { get; }

    public override byte Ref => RefNumber;

    public override int Length => 1;

    public override bool Countable => false;

    public override ItemContent Copy() => new FormatContent(Key, Value);

    public override ItemContent Splice(int offset) => throw new InvalidOperationException("Format content has length 1.");

    public override void Integrate(Transaction transaction, Item item)
    {
        if (item.Parent is YText text)
        {
            text.HasFormatting = true;
            text.SearchMarkers = null;
        }
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteVarString(Key);
        writer.WriteVarString(JsJson.Stringify(Value));
    }

    public override IReadOnlyList<object?> GetContent() => [];
}

internal sealed class TypeContent : ItemContent
{
    public const byte RefNumber = 7;

    public TypeContent(SharedType type)
    {
        Type = type;
    }

    public SharedType Type { get; }

    public override byte Ref => RefNumber;

    public override int Length => 1;

    public override bool Countable => true;

    public override ItemContent Copy() => new TypeContent(Type.CreateEmptyCopy());

    public override ItemContent Splice(int offset) => throw new InvalidOperationException("Type content has length 1.");

    public override void Integrate(Transaction transaction, Item item) => Type.Integrate(transaction.Doc, item);

    // Deleting and collecting the children of a type is done by Item.Delete and Item.Gc, which
    // walk nested types without recursion.

    public override void Write(Lib0Writer writer, int offset) => Type.WriteTypeRef(writer);

    public override IReadOnlyList<object?> GetContent() => [Type];
}

internal sealed class AnyContent : ItemContent
{
    public const byte RefNumber = 8;
    private List<object?> values;

    public AnyContent(List<object?> values)
    {
        this.values = values;
    }

    public List<object?> Values => values;

    public override byte Ref => RefNumber;

    public override int Length => values.Count;

    public override bool Countable => true;

    public override ItemContent Copy() => new AnyContent([.. values]);

    public override ItemContent Splice(int offset)
    {
        var right = new AnyContent(values.GetRange(offset, values.Count - offset));
        values.RemoveRange(offset, values.Count - offset);
        return right;
    }

    public override bool MergeWith(ItemContent right)
    {
        values.AddRange(((AnyContent)right).values);
        return true;
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteVarUInt((ulong)(values.Count - offset));
        for (var i = offset; i < values.Count; i++)
        {
            writer.WriteAny(values[i]);
        }
    }

    public override IReadOnlyList<object?> GetContent() => values;
}

internal sealed class DocContent : ItemContent
{
    public const byte RefNumber = 9;

    public DocContent(YDoc doc)
    {
        Doc = doc;
    }

    public YDoc Doc { get; }

    public override byte Ref => RefNumber;

    public override int Length => 1;

    public override bool Countable => true;

    public override ItemContent Copy() => new DocContent(YDoc.CreateSubdocument(Doc.Guid, Doc.Options));

    public override void Integrate(Transaction transaction, Item item) => Doc.ParentItem = item;

    public override ItemContent Splice(int offset) => throw new InvalidOperationException("Doc content has length 1.");

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteVarString(Doc.Guid);
        writer.WriteAny(Doc.Options.ToAny());
    }

    public override IReadOnlyList<object?> GetContent() => [Doc];
}
