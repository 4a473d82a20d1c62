using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Draws a <see cref="PrintedDraft"/> as a Word document on the same A4 page: Word's own line
/// numbering (<c>w:lnNumType</c>, continuous) counts the printed lines, which are ended by explicit
/// line breaks exactly where the HTML page ends them; the masthead is left out of the count; the
/// attributions are real footnotes.
/// </summary>
internal static class DocxPrintRenderer
{
    private const string SerifFont = "Times New Roman";
    private const string MonospaceFont = "Courier New";
    private const string BracketFill = "FFF0A0";

    public static byte[] Render(PrintedDraft printed, string? documentTitle)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Clean(documentTitle ?? printed.Symbol ?? "Draft");
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFootnotes(main, printed.Footnotes);

            var body = new Body();
            AppendMasthead(body, printed);
            foreach (var block in printed.Blocks)
            {
                body.Append(Paragraph(main, block));
            }

            body.Append(Section(main, printed.Symbol));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = SerifFont, HighAnsi = SerifFont, ComplexScript = SerifFont, EastAsia = SerifFont },
                    new FontSize { Val = HalfPoints(A4Page.FontSizePt) },
                    new FontSizeComplexScript { Val = HalfPoints(A4Page.FontSizePt) },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Before = "0", After = "0", Line = Twips(A4Page.LineHeightPt), LineRule = LineSpacingRuleValues.Exact }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Styles.Save();
    }

    private static void AddFootnotes(MainDocumentPart main, IReadOnlyList<PrintedFootnote> notes)
    {
        var part = main.AddNewPart<FootnotesPart>();
        var footnotes = new Footnotes(
            new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
            new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
        foreach (var note in notes)
        {
            footnotes.Append(new Footnote(
                new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Exact }),
                    new Run(
                        new RunProperties(new FontSize { Val = HalfPoints(A4Page.FootnoteFontSizePt) }, new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReferenceMark()),
                    new Run(
                        new RunProperties(new FontSize { Val = HalfPoints(A4Page.FootnoteFontSizePt) }),
                        Text(" " + note.Text))))
            {
                Id = note.Number,
            });
        }

        part.Footnotes = footnotes;
        part.Footnotes.Save();
    }

    private static void AppendMasthead(Body body, PrintedDraft printed)
    {
        if (printed.Symbol is { } symbol)
        {
            body.Append(MastheadLine(symbol, JustificationValues.Right, bold: true, sizePt: 14));
        }

        if (printed.DateLine is { } date)
        {
            body.Append(MastheadLine(date, JustificationValues.Right, bold: false, sizePt: A4Page.FontSizePt));
        }

        var marking = MastheadLine(printed.Marking.ToUpperInvariant(), JustificationValues.Left, bold: true, sizePt: A4Page.FontSizePt);
        marking.GetFirstChild<ParagraphProperties>()!.InsertAfter(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 12, Space = 6, Color = "000000" }),
            marking.GetFirstChild<ParagraphProperties>()!.GetFirstChild<SuppressLineNumbers>());
        marking.GetFirstChild<ParagraphProperties>()!.GetFirstChild<SpacingBetweenLines>()!.After = Twips(18);
        foreach (var run in marking.Elements<Run>())
        {
            run.RunProperties!.Append(new Color { Val = printed.IsAgreed ? "005A1E" : "9B0000" });
            MoveColorBeforeSize(run.RunProperties);
        }

        body.Append(marking);
    }

    private static void MoveColorBeforeSize(RunProperties properties)
    {
        // Schema order inside w:rPr: b, color, sz.
        var color = properties.GetFirstChild<Color>()!;
        color.Remove();
        properties.InsertBefore(color, properties.GetFirstChild<FontSize>());
    }

    private static Paragraph MastheadLine(string text, JustificationValues justification, bool bold, double sizePt)
    {
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = HalfPoints(sizePt) });
        return new Paragraph(
            new ParagraphProperties(
                new SuppressLineNumbers(),
                new SpacingBetweenLines { After = "80" },
                new Justification { Val = justification }),
            new Run(runProperties, Text(text)));
    }

    private static Paragraph Paragraph(MainDocumentPart main, PrintedBlock block)
    {
        var properties = new ParagraphProperties();
        var labelColumn = AsTwips(A4Page.LabelColumnMm);
        switch (block.Kind)
        {
            case PrintedBlockKind.Title:
                properties.Append(
                    new KeepNext(),
                    new SpacingBetweenLines { After = Twips(block.SpaceAfterPt) },
                    new Justification { Val = JustificationValues.Center });
                break;
            case PrintedBlockKind.BulletItem:
                var itemIndent = AsTwips(A4Page.LabelColumnMm + A4Page.BulletIndentMm);
                properties.Append(
                    new Tabs(new TabStop { Val = TabStopValues.Left, Position = itemIndent }),
                    new SpacingBetweenLines { After = Twips(block.SpaceAfterPt) },
                    new Indentation { Left = Str(itemIndent), Hanging = Str(AsTwips(A4Page.BulletIndentMm)) });
                break;
            default:
                var indentation = new Indentation { Left = Str(labelColumn) };
                if (block.Label is not null)
                {
                    indentation.Hanging = Str(labelColumn);
                }

                properties.Append(
                    new Tabs(new TabStop { Val = TabStopValues.Left, Position = AsTwips(A4Page.LabelColumnMm + block.FirstLineIndentMm) }),
                    new SpacingBetweenLines { After = Twips(block.SpaceAfterPt) },
                    indentation);
                break;
        }

        var paragraph = new Paragraph(properties);
        if (block.Label is { } label)
        {
            paragraph.Append(new Run(Text(label)), new Run(new TabChar()));
        }

        for (var i = 0; i < block.Lines.Count; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            foreach (var run in block.Lines[i].Runs)
            {
                paragraph.Append(Run(main, run, block.Kind == PrintedBlockKind.Title));
            }
        }

        return paragraph;
    }

    private static OpenXmlElement Run(MainDocumentPart main, PrintRun printed, bool bold)
    {
        var properties = new RunProperties();
        if (printed.Has(RunStyle.Code))
        {
            properties.Append(new RunFonts { Ascii = MonospaceFont, HighAnsi = MonospaceFont, ComplexScript = MonospaceFont });
        }

        if (bold || printed.Has(RunStyle.Bold))
        {
            properties.Append(new Bold());
        }

        if (printed.Has(RunStyle.Italic))
        {
            properties.Append(new Italic());
        }

        if (printed.Has(RunStyle.Link))
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }

        if (printed.Has(RunStyle.Bracketed))
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = BracketFill });
        }

        if (printed.Footnote is { } footnote)
        {
            properties.Append(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript });
            return new Run(properties, new FootnoteReference { Id = footnote });
        }

        var run = properties.HasChildren ? new Run(properties, Text(printed.Text)) : new Run(Text(printed.Text));
        if (printed.Target is { } target && Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            var relationship = main.AddHyperlinkRelationship(uri, isExternal: true);
            return new Hyperlink(run) { Id = relationship.Id };
        }

        return run;
    }

    private static SectionProperties Section(MainDocumentPart main, string? symbol)
    {
        var section = new SectionProperties();
        if (symbol is not null)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                new Run(new RunProperties(new FontSize { Val = "20" }), Text(symbol))));
            header.Header.Save();
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }

        // The first page carries the masthead instead of the running header; every page its number.
        foreach (var type in new[] { HeaderFooterValues.Default, HeaderFooterValues.First })
        {
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new RunProperties(new FontSize { Val = "20" }), Text("1"))) { Instruction = " PAGE " }));
            footer.Footer.Save();
            section.Append(new FooterReference { Type = type, Id = main.GetIdOfPart(footer) });
        }

        section.Append(
            new PageSize { Width = (uint)AsTwips(A4Page.WidthMm), Height = (uint)AsTwips(A4Page.HeightMm) },
            new PageMargin
            {
                Top = AsTwips(A4Page.TopMarginMm),
                Bottom = AsTwips(A4Page.BottomMarginMm),
                Left = (uint)AsTwips(A4Page.LeftMarginMm),
                Right = (uint)AsTwips(A4Page.RightMarginMm),
                Header = (uint)AsTwips(12),
                Footer = (uint)AsTwips(12),
                Gutter = 0,
            },
            new LineNumberType { CountBy = 1, Start = 1, Distance = Str(AsTwips(A4Page.LineNumberGapMm)), Restart = LineNumberRestartValues.Continuous },
            new TitlePage());
        return section;
    }

    private static Text Text(string text) => new(Clean(text)) { Space = SpaceProcessingModeValues.Preserve };

    /// <summary>Characters XML 1.0 cannot carry become U+FFFD, so a stray control character never corrupts the file.</summary>
    private static string Clean(string text)
    {
        if (!text.Any(c => XmlForbids(c)) && !HasLoneSurrogate(text))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            clean.Append(rune == Rune.ReplacementChar || (rune.IsBmp && XmlForbids((char)rune.Value)) ? "\uFFFD" : rune.ToString());
        }

        return clean.ToString();
    }

    private static bool XmlForbids(char c) => (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int AsTwips(double mm) => A4Page.Twips(mm);

    private static string Twips(double points) => ((int)Math.Round(points * A4Page.TwipsPerPt)).ToString(CultureInfo.InvariantCulture);

    private static string HalfPoints(double points) => ((int)Math.Round(points * 2)).ToString(CultureInfo.InvariantCulture);

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
