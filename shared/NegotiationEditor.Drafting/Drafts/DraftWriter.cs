using System.Text;

namespace NegotiationEditor.Drafting.Drafts;

/// <summary>Writes a draft as Markdown source in canonical form; <see cref="DraftParser.Parse(string)"/> reads it back equal.</summary>
public static class DraftWriter
{
    /// <summary>Writes <paramref name="draft"/>: front matter, title, then paragraphs separated by blank lines.</summary>
    public static string Write(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var nl = draft.NewLine;
        var output = new StringBuilder();
        if (draft.Metadata.Entries.Count > 0)
        {
            output.Append(SourceRules.FrontMatterFence).Append(nl);
            foreach (var (key, value) in draft.Metadata.Entries)
            {
                output.Append(key).Append(':');
                if (value.Length > 0)
                {
                    output.Append(' ').Append(value);
                }

                output.Append(nl);
            }

            output.Append(SourceRules.FrontMatterFence).Append(nl);
        }

        var blocks = new List<string>();
        if (draft.Title is not null)
        {
            blocks.Add("# " + draft.Title);
        }

        foreach (var paragraph in draft.Paragraphs)
        {
            blocks.Add(WriteParagraph(paragraph, nl));
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (i > 0 || output.Length > 0)
            {
                output.Append(nl);
            }

            output.Append(blocks[i]).Append(nl);
        }

        return output.ToString();
    }

    /// <summary>Writes one paragraph as it appears in a draft (number, text, id, bullet items), lines joined by <paramref name="newLine"/>.</summary>
    public static string WriteParagraph(Paragraph paragraph, string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var lines = paragraph.Text.Split('\n');
        var first = new StringBuilder();
        if (paragraph.Label is { } label)
        {
            first.Append(label).Append('.');
            if (lines[0].Length > 0)
            {
                first.Append(' ');
            }
        }

        first.Append(lines[0]);
        if (paragraph.HasExplicitId)
        {
            if (first.Length > 0)
            {
                first.Append(' ');
            }

            first.Append("{#").Append(paragraph.Id.Value).Append('}');
        }

        var output = new StringBuilder(first.ToString());
        for (var i = 1; i < lines.Length; i++)
        {
            output.Append(newLine).Append(lines[i]);
        }

        foreach (var item in paragraph.Items)
        {
            output.Append(newLine);
            if (item.StartsNewBlock)
            {
                output.Append(newLine);
            }

            output.Append(ParagraphItem.MarkerText(item.Marker)).Append(item.Text.Replace("\n", newLine, StringComparison.Ordinal));
        }

        return output.ToString();
    }
}
