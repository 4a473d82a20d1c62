using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Server.Workflow;

/// <summary>
/// Which paragraph of the live text (a draft source, see <c>docs/notation.md</c>) holds an index: a paragraph runs from
/// the start of its first line to the start of the next paragraph's first line.
/// </summary>
public static class ParagraphLocator
{
    /// <summary>The id of the paragraph holding <paramref name="index"/>; null when the index lies before the first
    /// paragraph (front matter, title) or the text is not a well-formed draft.</summary>
    public static ParagraphId? Locate(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        Draft draft;
        DraftSourceMap map;
        try
        {
            draft = DraftParser.Parse(text, out map);
        }
        catch (DraftFormatException)
        {
            return null;
        }

        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        ParagraphId? found = null;
        for (var p = 0; p < draft.Paragraphs.Count; p++)
        {
            var line = map.TextStart(p).Line;
            if (line - 1 >= lineStarts.Count || lineStarts[line - 1] > index)
            {
                break;
            }

            found = draft.Paragraphs[p].Id;
        }

        return found;
    }
}
