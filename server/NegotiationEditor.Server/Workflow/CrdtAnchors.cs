using NegotiationEditor.Crdt;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.Workflow;

/// <summary>
/// Amendment anchors on a document's live CRDT text: resolves the encoded relative positions (as yjs
/// <c>encodeRelativePosition</c> writes them) to indexes of the text now, and makes anchors from indexes. The
/// <see cref="YDoc"/> is not thread-safe: use an instance only under the room's lock.
/// </summary>
/// <param name="document">The document's live CRDT.</param>
public sealed class CrdtAnchors(YDoc document) : IAnchorResolver
{
    private YText Text => document.GetText(LiveText.RootName);

    /// <summary>The live text now.</summary>
    public string CurrentText => Text.ToString();

    /// <inheritdoc />
    public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (IndexOf(anchor.Start.AsSpan()) is not { } start || IndexOf(anchor.End.AsSpan()) is not { } end || end < start)
        {
            return null;
        }

        return new ResolvedSpan(start, end);
    }

    /// <summary>
    /// An anchor for the span <c>[start, end)</c> of the live text (a point when they are equal): the start sticks to
    /// the character after it, the end to the character before it, so typing at either edge stays outside the span.
    /// </summary>
    public Outcome<TextAnchor> AnchorOf(ParagraphId paragraph, int start, int end)
    {
        if (CheckRange(start, end) is { } outside)
        {
            return outside;
        }

        var startBytes = RelativePosition.FromIndex(Text, start).Encode();
        var endBytes = start == end ? startBytes : RelativePosition.FromIndex(Text, end, assoc: -1).Encode();
        return TextAnchor.Create(paragraph, startBytes, endBytes);
    }

    /// <summary>Why <c>[start, end)</c> is not a range of the live text now, or null when it is.</summary>
    public Refusal? CheckRange(int start, int end)
    {
        var length = Text.Length;
        return start < 0 || end < start || end > length
            ? Refusal.Invalid($"the range [{start}, {end}) does not lie in the live text ({length} characters): 0 <= start <= end <= {length}")
            : null;
    }

    /// <summary>The index an encoded relative position has in the live text now; null when it is not a position in it.</summary>
    public int? IndexOf(ReadOnlySpan<byte> encoded)
    {
        RelativePosition position;
        try
        {
            position = RelativePosition.Decode(encoded.ToArray());
        }
        catch (CrdtFormatException)
        {
            return null;
        }

        return position.ToAbsolute(document) is { } absolute && ReferenceEquals(absolute.Type, Text) ? absolute.Index : null;
    }
}
