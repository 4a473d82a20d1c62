using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt.Updates;

/// <summary>One client section of an update: structs in clock order.</summary>
internal sealed class DecodedSection
{
    public DecodedSection(ulong client, long firstClock, List<AbstractStruct> structs)
    {
        Client = client;
        FirstClock = firstClock;
        Structs = structs;
    }

    public ulong Client { get; }

    public long FirstClock { get; }

    public List<AbstractStruct> Structs { get; }
}

/// <summary>An update read completely and checked, not yet applied to anything.</summary>
internal sealed class DecodedUpdate
{
    public DecodedUpdate(List<DecodedSection> sections, DeleteSet deleteSet)
    {
        Sections = sections;
        DeleteSet = deleteSet;
    }

    public List<DecodedSection> Sections { get; }

    public DeleteSet DeleteSet { get; }
}

/// <summary>
/// Reads update format V1. Everything is read and checked before anything is applied, so a bad
/// update throws <see cref="CrdtFormatException"/> and changes nothing.
/// </summary>
internal static class UpdateDecoding
{
    /// <summary>
    /// The highest clock accepted for one client (2^31 − 1 UTF-16 units or values): far beyond any
    /// real history, and it keeps every struct length and gap within a 32-bit integer.
    /// </summary>
    public const long MaxClock = int.MaxValue;

    public static DecodedUpdate Decode(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var reader = new Lib0Reader(update);
        var sections = ReadSections(reader);
        var deleteSet = DeleteSet.Read(reader);
        return new DecodedUpdate(sections, deleteSet);
    }

    public static List<DecodedSection> ReadSections(Lib0Reader reader)
    {
        var count = reader.ReadCount(3);
        var sections = new List<DecodedSection>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            var structCount = reader.ReadCount(2);
            var client = reader.ReadVarUInt();
            var clock = (long)reader.ReadVarUInt();
            if (clock > MaxClock)
            {
                throw new CrdtFormatException($"Clock exceeds {MaxClock}.");
            }

            var firstClock = clock;
            var structs = new List<AbstractStruct>(Math.Min(structCount, 4096));
            for (var j = 0; j < structCount; j++)
            {
                var structure = ReadStruct(reader, client, clock);
                clock += structure.Length;
                if (clock > MaxClock)
                {
                    throw new CrdtFormatException($"Clock exceeds {MaxClock}.");
                }

                structs.Add(structure);
            }

            sections.Add(new DecodedSection(client, firstClock, structs));
        }

        return sections;
    }

    private static int ReadLength(Lib0Reader reader)
    {
        var length = reader.ReadVarUInt();
        if (length == 0 || length > int.MaxValue)
        {
            throw new CrdtFormatException($"Invalid struct length {length}.");
        }

        return (int)length;
    }

    private static StructId ReadId(Lib0Reader reader) => new(reader.ReadVarUInt(), (long)reader.ReadVarUInt());

    public static AbstractStruct ReadStruct(Lib0Reader reader, ulong client, long clock)
    {
        var info = reader.ReadByte();
        var contentRef = info & 0x1F;
        if (contentRef == GcStruct.Ref || contentRef == SkipStruct.Ref)
        {
            if (info != contentRef)
            {
                throw new CrdtFormatException($"Info byte {info} sets item flags on a GC or skip struct.");
            }

            var length = ReadLength(reader);
            return contentRef == GcStruct.Ref ? new GcStruct(client, clock, length) : new SkipStruct(client, clock, length);
        }

        StructId? origin = (info & 0x80) != 0 ? ReadId(reader) : null;
        StructId? rightOrigin = (info & 0x40) != 0 ? ReadId(reader) : null;
        string? parentName = null;
        StructId? parentId = null;
        string? parentSub = null;
        if ((info & 0xC0) == 0)
        {
            if (reader.ReadVarUInt() == 1)
            {
                parentName = reader.ReadVarString();
            }
            else
            {
                parentId = ReadId(reader);
            }

            if ((info & 0x20) != 0)
            {
                parentSub = reader.ReadVarString();
            }
        }

        CheckOwnReference(origin, client, clock, "origin");
        CheckOwnReference(rightOrigin, client, clock, "right origin");
        CheckOwnReference(parentId, client, clock, "parent");
        var content = ReadContent(reader, contentRef);
        return new Item(client, clock, null, origin, null, rightOrigin, null, parentSub, content)
        {
            ParentName = parentName,
            ParentId = parentId,
            KeyFlagWithoutKey = (info & 0xC0) != 0 && (info & 0x20) != 0,
        };
    }

    /// <summary>Writes a decoded update back exactly as it was read (the codec round trip).</summary>
    public static byte[] Encode(DecodedUpdate update)
    {
        var writer = new Lib0Writer();
        writer.WriteVarUInt((ulong)update.Sections.Count);
        foreach (var section in update.Sections)
        {
            writer.WriteVarUInt((ulong)section.Structs.Count);
            writer.WriteVarUInt(section.Client);
            writer.WriteVarUInt((ulong)section.FirstClock);
            foreach (var structure in section.Structs)
            {
                if (structure is Item item)
                {
                    item.Write(writer, 0, true);
                }
                else
                {
                    structure.Write(writer, 0);
                }
            }
        }

        update.DeleteSet.Write(writer);
        return writer.ToArray();
    }

    /// <summary>A struct can only refer to earlier clocks of its own client.</summary>
    private static void CheckOwnReference(StructId? reference, ulong client, long clock, string what)
    {
        if (reference is { } id && id.Client == client && id.Clock >= clock)
        {
            throw new CrdtFormatException($"Item {client}:{clock} refers to its own client's future clock {id.Clock} as {what}.");
        }
    }

    public static ItemContent ReadContent(Lib0Reader reader, int contentRef)
    {
        switch (contentRef)
        {
            case DeletedContent.RefNumber:
                return new DeletedContent(ReadLength(reader));
            case JsonContent.RefNumber:
            {
                var count = ReadCountOfValues(reader);
                var values = new List<object?>(Math.Min(count, 1024));
                for (var i = 0; i < count; i++)
                {
                    var text = reader.ReadVarString();
                    values.Add(text == "undefined" ? Undefined.Value : JsJson.Parse(text));
                }

                return new JsonContent(values);
            }
            case BinaryContent.RefNumber:
                return new BinaryContent(reader.ReadVarBytes());
            case TextContent.RefNumber:
            {
                var text = reader.ReadVarString();
                if (text.Length == 0)
                {
                    throw new CrdtFormatException("Empty string content.");
                }

                return new TextContent(text);
            }
            case EmbedContent.RefNumber:
                return new EmbedContent(JsJson.Parse(reader.ReadVarString()));
            case FormatContent.RefNumber:
            {
                var key = reader.ReadVarString();
                return new FormatContent(key, JsJson.Parse(reader.ReadVarString()));
            }
            case TypeContent.RefNumber:
                return new TypeContent(ReadType(reader));
            case AnyContent.RefNumber:
            {
                var count = ReadCountOfValues(reader);
                var values = new List<object?>(Math.Min(count, 1024));
                for (var i = 0; i < count; i++)
                {
                    values.Add(reader.ReadAny());
                }

                return new AnyContent(values);
            }
            case DocContent.RefNumber:
            {
                var guid = reader.ReadVarString();
                var options = reader.ReadAny() as Dictionary<string, object?>;
                var docOptions = new YDocOptions
                {
                    Guid = guid,
                    Gc = !(options != null && options.TryGetValue("gc", out var gc) && gc is false),
                    AutoLoad = options != null && options.TryGetValue("autoLoad", out var autoLoad) && autoLoad is true,
                    Meta = options != null && options.TryGetValue("meta", out var meta) && meta is not Undefined ? meta : null,
                };
                return new DocContent(YDoc.CreateSubdocument(guid, docOptions));
            }
            default:
                throw new CrdtFormatException($"Unknown content ref {contentRef}.");
        }
    }

    private static int ReadCountOfValues(Lib0Reader reader)
    {
        var count = reader.ReadCount(1);
        if (count == 0)
        {
            throw new CrdtFormatException("Content with no values.");
        }

        return count;
    }

    private static SharedType ReadType(Lib0Reader reader)
    {
        var typeRef = reader.ReadVarUInt();
        return typeRef switch
        {
            0 => new YArray(),
            1 => new YMap(),
            2 => new YText(),
            3 => new YXmlElement(reader.ReadVarString()),
            4 => new YXmlFragment(),
            5 => new YXmlHook(reader.ReadVarString()),
            6 => new YXmlText(),
            _ => throw new CrdtFormatException($"Unknown type ref {typeRef}."),
        };
    }

    public static Dictionary<ulong, long> ReadStateVector(Lib0Reader reader)
    {
        var count = reader.ReadCount(2);
        var result = new Dictionary<ulong, long>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
        {
            var client = reader.ReadVarUInt();
            result[client] = (long)reader.ReadVarUInt();
        }

        return result;
    }

    public static Dictionary<ulong, long> DecodeStateVector(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return ReadStateVector(new Lib0Reader(bytes));
    }
}
