using System.Text;
using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt;

/// <summary>
/// A shared XML fragment: a sequence of elements and texts. Carried so that documents using the
/// Yjs XML types round-trip; editing happens through the children's own types.
/// </summary>
public class YXmlFragment : SharedType
{
    internal YXmlFragment()
    {
        SearchMarkers = new List<SearchMarker>();
    }

    internal override byte TypeRef => 4;

    internal override SharedType CreateEmptyCopy() => new YXmlFragment();

    /// <summary>The number of children.</summary>
    public int Length => LengthField;

    /// <summary>The children: <see cref="YXmlElement"/>, <see cref="YXmlText"/> or hooks.</summary>
    public IReadOnlyList<object?> Children => ListToArray();

    /// <summary>The fragment as XML text, as Yjs's <c>toString()</c> writes it.</summary>
    public override string ToString()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var builder = new StringBuilder();
        foreach (var child in ListToArray())
        {
            builder.Append(child);
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override object? ToJson() => ToString();
}

/// <summary>A shared XML element with a node name, attributes (its map part) and children.</summary>
public sealed class YXmlElement : YXmlFragment
{
    internal YXmlElement(string nodeName)
    {
        NodeName = nodeName;
    }

    /// <summary>The element's tag name.</summary>
    public string NodeName { get; }

    internal override byte TypeRef => 3;

    internal override SharedType CreateEmptyCopy() => new YXmlElement(NodeName);

    internal override void WriteTypeRef(Lib0Writer writer)
    {
        writer.WriteVarUInt(TypeRef);
        writer.WriteVarString(NodeName);
    }

    /// <summary>The element's attributes.</summary>
    public IReadOnlyDictionary<string, object?> Attributes => MapEntries();

    /// <summary>The element as XML text, attributes sorted by name as Yjs writes them.</summary>
    public override string ToString()
    {
        var attributes = MapEntries();
        var keys = attributes.Keys.ToList();
        keys.Sort(StringComparer.Ordinal);
        var builder = new StringBuilder();
        builder.Append('<').Append(NodeName.ToLowerInvariant());
        foreach (var key in keys)
        {
            builder.Append(' ').Append(key).Append("=\"").Append(attributes[key]).Append('"');
        }

        builder.Append('>').Append(base.ToString()).Append("</").Append(NodeName.ToLowerInvariant()).Append('>');
        return builder.ToString();
    }
}

/// <summary>A shared XML hook: a named map used by editors for custom nodes.</summary>
public sealed class YXmlHook : SharedType
{
    internal YXmlHook(string hookName)
    {
        HookName = hookName;
    }

    /// <summary>The hook's name.</summary>
    public string HookName { get; }

    internal override byte TypeRef => 5;

    internal override SharedType CreateEmptyCopy() => new YXmlHook(HookName);

    internal override void WriteTypeRef(Lib0Writer writer)
    {
        writer.WriteVarUInt(TypeRef);
        writer.WriteVarString(HookName);
    }

    /// <inheritdoc />
    public override object? ToJson() => MapEntries();
}

/// <summary>Shared rich text inside an XML fragment.</summary>
public sealed class YXmlText : YText
{
    internal YXmlText()
    {
    }

    internal override byte TypeRef => 6;

    internal override SharedType CreateEmptyCopy() => new YXmlText();
}
