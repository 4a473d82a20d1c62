using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>Who the tracked changes of a DOCX redline are attributed to, and when.</summary>
/// <param name="Author">The revision author shown by Word (e.g. "Secretariat").</param>
/// <param name="Date">The revision date and time.</param>
public sealed record DocxRedlineOptions(string Author, DateTimeOffset Date)
{
    /// <summary>The author, checked.</summary>
    /// <exception cref="ArgumentException">The author is empty or blank.</exception>
    public string Author { get; } = string.IsNullOrWhiteSpace(Author)
        ? throw new ArgumentException("the revision author is empty", nameof(Author))
        : Author;
}

/// <summary>
/// Renders a redline as a Word document whose differences are native tracked changes
/// (DocumentFormat.OpenXml): inserted text in <c>w:ins</c>, deleted text in <c>w:del</c> as
/// <c>w:delText</c>, inserted and deleted paragraphs with their paragraph marks marked too, and moved
/// paragraphs as <c>w:moveFrom</c> at their old place and <c>w:moveTo</c> at their new one (a word
/// deleted from a moved paragraph is a <c>w:del</c> inside the <c>w:moveTo</c>). Every revision carries
/// the author and date given. Accepting all changes gives the new draft; rejecting them all, the old one.
/// </summary>
public static class DocxRedlineRenderer
{
    /// <summary>The redline as the bytes of a .docx file.</summary>
    public static byte[] Render(Redline redline, DocxRedlineOptions options)
    {
        using var buffer = new MemoryStream();
        Render(redline, buffer, options);
        return buffer.ToArray();
    }

    /// <summary>Writes the redline as a .docx package to <paramref name="output"/> (which must be writable and seekable).</summary>
    public static void Render(Redline redline, Stream output, DocxRedlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(redline);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var writer = new RevisionWriter(options);
        var body = new W.Body();
        body.Append(writer.Plain(HeadingLine(redline), bold: true));
        if (redline.Title is { } title)
        {
            body.Append(writer.Paragraph(title, bold: true));
        }

        var movedAway = MovedAwayPlaces.Of(redline.Paragraphs);
        foreach (var paragraph in movedAway.GetValueOrDefault(-1, []))
        {
            body.Append(writer.MovedFrom(paragraph));
        }

        for (var k = 0; k < redline.Paragraphs.Count; k++)
        {
            body.Append(writer.Paragraph(redline.Paragraphs[k], bold: false));
            foreach (var paragraph in movedAway.GetValueOrDefault(k, []))
            {
                body.Append(writer.MovedFrom(paragraph));
            }
        }

        body.Append(new W.SectionProperties(
            new W.PageSize { Width = 11906U, Height = 16838U },
            new W.PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new W.Document(body);
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new W.Settings(new W.TrackRevisions());
    }

    private static string HeadingLine(Redline redline)
    {
        static string Describe(RedlineHeading heading, string fallback) =>
            (heading.Symbol ?? fallback) + (heading.Date is { } date ? $" ({date})" : string.Empty);

        return $"Redline: {Describe(redline.Old, "old draft")} \u2192 {Describe(redline.New, "new draft")}";
    }

    /// <summary>Builds paragraphs and numbers revisions (every w:id unique in the document).</summary>
    private sealed class RevisionWriter(DocxRedlineOptions options)
    {
        private readonly DateTimeValue date = new(options.Date.UtcDateTime);
        private int nextId = 1;

        public W.Paragraph Plain(string text, bool bold) => new(TextRun(text, deleted: false, bold));

        public W.Paragraph Paragraph(RedlineParagraph paragraph, bool bold)
        {
            var p = new W.Paragraph();
            switch (paragraph.Status)
            {
                case ParagraphStatus.Inserted:
                    p.Append(Mark(Stamp(new W.Inserted())));
                    break;
                case ParagraphStatus.Deleted:
                    p.Append(Mark(Stamp(new W.Deleted())));
                    break;
                case ParagraphStatus.Moved:
                    p.Append(Mark(Stamp(new W.MoveTo())));
                    break;
            }

            if (paragraph.Status == ParagraphStatus.Moved)
            {
                var range = nextId++;
                p.Append(Stamp(new W.MoveToRangeStart { Id = Id(range), Name = MoveName(paragraph) }));
                AppendRuns(p, paragraph.Runs, bold, unchangedAsMove: true);
                p.Append(new W.MoveToRangeEnd { Id = Id(range) });
            }
            else
            {
                AppendRuns(p, paragraph.Runs, bold, unchangedAsMove: false);
            }

            return p;
        }

        /// <summary>The old place of a moved paragraph: its old text as the source of the move.</summary>
        public W.Paragraph MovedFrom(RedlineParagraph paragraph)
        {
            var p = new W.Paragraph(Mark(Stamp(new W.MoveFrom())));
            var range = nextId++;
            p.Append(Stamp(new W.MoveFromRangeStart { Id = Id(range), Name = MoveName(paragraph) }));
            var text = paragraph.OldText ?? string.Empty;
            if (text.Length > 0)
            {
                p.Append(Stamp(new W.MoveFromRun(TextRun(text, deleted: false, bold: false))));
            }

            p.Append(new W.MoveFromRangeEnd { Id = Id(range) });
            return p;
        }

        private static string MoveName(RedlineParagraph paragraph) => $"move{paragraph.OldPosition}";

        private void AppendRuns(W.Paragraph p, IReadOnlyList<RedlineRun> runs, bool bold, bool unchangedAsMove)
        {
            foreach (var run in runs)
            {
                switch (run.Kind)
                {
                    case RunKind.Inserted:
                        p.Append(Stamp(new W.InsertedRun(TextRun(run.Text, deleted: false, bold))));
                        break;
                    case RunKind.Deleted:
                        // A word deleted from a moved paragraph was moved, then deleted: rejecting the move must take it away too.
                        var deletion = Stamp(new W.DeletedRun(TextRun(run.Text, deleted: true, bold)));
                        p.Append(unchangedAsMove ? Stamp(new W.MoveToRun(deletion)) : deletion);
                        break;
                    default:
                        p.Append(unchangedAsMove
                            ? Stamp(new W.MoveToRun(TextRun(run.Text, deleted: false, bold)))
                            : TextRun(run.Text, deleted: false, bold));
                        break;
                }
            }
        }

        private static W.ParagraphProperties Mark(OpenXmlElement change) => new(new W.ParagraphMarkRunProperties(change));

        private static StringValue Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private T Stamp<T>(T element)
            where T : OpenXmlElement
        {
            switch (element)
            {
                case W.TrackChangeType change:
                    change.Id = Id(nextId++);
                    change.Author = options.Author;
                    change.Date = date;
                    break;
                case W.RunTrackChangeType runChange:
                    runChange.Id = Id(nextId++);
                    runChange.Author = options.Author;
                    runChange.Date = date;
                    break;
                case W.MoveBookmarkType bookmark:
                    bookmark.Author = options.Author;
                    bookmark.Date = date;
                    break;
                default:
                    throw new ArgumentException($"{element.LocalName} is not a revision", nameof(element));
            }

            return element;
        }

        /// <summary>A run of text; line breaks become w:br, deleted text is w:delText.</summary>
        private static W.Run TextRun(string text, bool deleted, bool bold)
        {
            var run = new W.Run();
            if (bold)
            {
                run.Append(new W.RunProperties(new W.Bold()));
            }

            var lines = text.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                if (l > 0)
                {
                    run.Append(new W.Break());
                }

                if (lines[l].Length == 0)
                {
                    continue;
                }

                run.Append(deleted
                    ? new W.DeletedText(lines[l]) { Space = SpaceProcessingModeValues.Preserve }
                    : new W.Text(lines[l]) { Space = SpaceProcessingModeValues.Preserve });
            }

            return run;
        }
    }
}
