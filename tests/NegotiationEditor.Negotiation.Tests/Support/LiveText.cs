using System.Buffers.Binary;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Tests.Support;

/// <summary>
/// A stand-in for the server's CRDT text behind <see cref="IAnchorResolver"/>: a string with markers that follow
/// the text as it is edited, as relative positions do. A span's start marker moves past text inserted exactly at it,
/// its end marker does not, so typing at either edge stays outside the span; a marker inside deleted text collapses
/// to where the deletion was. Anchor bytes are marker numbers.
/// </summary>
internal sealed class LiveText(string text) : IAnchorResolver
{
    private readonly Dictionary<int, (int Index, bool MovesWithInsertion)> _markers = [];
    private readonly HashSet<int> _lost = [];
    private int _nextMarker = 1;

    public string Text { get; private set; } = text;

    public DocumentId? Document { get; set; }

    public List<(DocumentId Document, TextAnchor Anchor)> Resolved { get; } = [];

    /// <summary>An anchor on the first occurrence of <paramref name="words"/> in paragraph <paramref name="paragraph"/>.</summary>
    public TextAnchor AnchorOn(string words, string paragraph = "op-1")
    {
        var index = Text.IndexOf(words, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{words}' is not in the text", nameof(words));
        }

        return Anchor(index, index + words.Length, paragraph);
    }

    public TextAnchor Anchor(int start, int end, string paragraph = "op-1")
    {
        if (start == end)
        {
            var point = Marker(start, movesWithInsertion: true);
            return TextAnchor.Create(new ParagraphId(paragraph), point, point).Value;
        }

        return TextAnchor.Create(new ParagraphId(paragraph), Marker(start, true), Marker(end, false)).Value;
    }

    /// <summary>Makes <paramref name="anchor"/> unresolvable, as when the text it lived in is gone.</summary>
    public void Lose(TextAnchor anchor) => _lost.Add(Number(anchor.Start.AsSpan()));

    public void Type(int index, int deleteLength, string insert) => Apply(new TextEdit(index, deleteLength, insert));

    public void Apply(TextEdit edit)
    {
        Text = edit.ApplyTo(Text);
        int i = edit.Index, d = edit.DeleteLength, n = edit.InsertText.Length;
        foreach (var (id, (at, moves)) in _markers.ToList())
        {
            var index = at < i ? at
                : at == i ? (d == 0 && moves ? i + n : i)
                : at <= i + d ? i + n
                : at - d + n;
            _markers[id] = (index, moves);
        }
    }

    public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor)
    {
        Resolved.Add((document, anchor));
        if (Document is { } mine && document != mine)
        {
            return null;
        }

        var start = Number(anchor.Start.AsSpan());
        var end = Number(anchor.End.AsSpan());
        if (_lost.Contains(start) || !_markers.ContainsKey(start) || !_markers.ContainsKey(end))
        {
            return null;
        }

        return new ResolvedSpan(_markers[start].Index, _markers[end].Index);
    }

    private byte[] Marker(int index, bool movesWithInsertion)
    {
        if (index < 0 || index > Text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var id = _nextMarker++;
        _markers[id] = (index, movesWithInsertion);
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, id);
        return bytes;
    }

    private static int Number(ReadOnlySpan<byte> bytes) => bytes.Length == 4 ? BinaryPrimitives.ReadInt32BigEndian(bytes) : -1;
}
