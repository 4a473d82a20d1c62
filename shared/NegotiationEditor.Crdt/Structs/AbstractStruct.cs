using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Structs;

/// <summary>A run of consecutive clocks of one client: an item, a GC struct or a skip.</summary>
internal abstract class AbstractStruct
{
    public ulong Client;
    public long Clock;
    public int Length;

    protected AbstractStruct(ulong client, long clock, int length)
    {
        Client = client;
        Clock = clock;
        Length = length;
    }

    public StructId Id => new(Client, Clock);

    public abstract bool Deleted { get; }

    /// <summary>Appends <paramref name="right"/> to this struct when both can form one run.</summary>
    public abstract bool MergeWith(AbstractStruct right);

    /// <summary>Writes the struct, skipping its first <paramref name="offset"/> clocks.</summary>
    public abstract void Write(Lib0Writer writer, int offset);

    public abstract void Integrate(Transaction transaction, int offset);

    /// <summary>Returns the client whose missing state blocks integration, or null when none does.</summary>
    public abstract ulong? GetMissing(Transaction transaction, StructStore store);
}

/// <summary>A range of clocks whose content was garbage collected.</summary>
internal sealed class GcStruct : AbstractStruct
{
    public const byte Ref = 0;

    public GcStruct(ulong client, long clock, int length) : base(client, clock, length)
    {
    }

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not GcStruct)
        {
            return false;
        }

        Length += right.Length;
        return true;
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteByte(Ref);
        writer.WriteVarUInt((ulong)(Length - offset));
    }

    public override void Integrate(Transaction transaction, int offset)
    {
        if (offset > 0)
        {
            Clock += offset;
            Length -= offset;
        }

        transaction.Doc.Store.AddStruct(this);
    }

    public override ulong? GetMissing(Transaction transaction, StructStore store) => null;
}

/// <summary>A gap in a merged update: clocks the update does not carry. Never stored in a document.</summary>
internal sealed class SkipStruct : AbstractStruct
{
    public const byte Ref = 10;

    public SkipStruct(ulong client, long clock, int length) : base(client, clock, length)
    {
    }

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not SkipStruct)
        {
            return false;
        }

        Length += right.Length;
        return true;
    }

    public override void Write(Lib0Writer writer, int offset)
    {
        writer.WriteByte(Ref);
        writer.WriteVarUInt((ulong)(Length - offset));
    }

    public override void Integrate(Transaction transaction, int offset) =>
        throw new InvalidOperationException("Skip structs are never integrated.");

    public override ulong? GetMissing(Transaction transaction, StructStore store) => null;
}
