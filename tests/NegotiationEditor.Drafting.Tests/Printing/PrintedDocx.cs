using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>Reads back what a printed DOCX shows.</summary>
internal static class PrintedDocx
{
    /// <summary>The lines Word numbers: every paragraph not excluded from numbering, split at its line breaks, label and tab left out.</summary>
    internal static string[] NumberedLines(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var lines = new List<string>();
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>())
        {
            if (paragraph.ParagraphProperties?.SuppressLineNumbers is not null)
            {
                continue;
            }

            var line = new System.Text.StringBuilder();
            var afterLabel = !paragraph.Descendants<TabChar>().Any();
            foreach (var run in paragraph.Descendants<Run>())
            {
                if (run.GetFirstChild<TabChar>() is not null)
                {
                    afterLabel = true;
                    continue;
                }

                if (run.GetFirstChild<Break>() is not null)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    continue;
                }

                if (afterLabel)
                {
                    line.Append(string.Concat(run.Elements<Text>().Select(t => t.Text)));
                    if (run.GetFirstChild<FootnoteReference>() is { } reference)
                    {
                        line.Append(reference.Id!.Value);
                    }
                }
            }

            lines.Add(line.ToString());
        }

        return lines.ToArray();
    }
}
