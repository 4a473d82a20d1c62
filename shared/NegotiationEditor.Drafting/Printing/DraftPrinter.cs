using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Prints drafts as UN-style documents: symbol, date and time, a "Draft — not agreed" (or "Agreed
/// text") marking, the title, numbered paragraphs with their bullet items, line numbers in the
/// margin, brackets kept and highlighted, attributions as footnotes; on A4, as HTML, DOCX or PDF.
/// Built once from <see cref="PrintOptions"/>; immutable and safe to share between threads.
/// </summary>
public sealed class DraftPrinter
{
    private readonly ChromiumPdf _chromium;

    /// <summary>Creates a printer with <paramref name="options"/> (or the defaults).</summary>
    public DraftPrinter(PrintOptions? options = null)
    {
        Options = options ?? new PrintOptions();
        ArgumentNullException.ThrowIfNull(Options.Clock, nameof(options));
        if (Options.PdfTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("the PDF timeout must be positive", nameof(options));
        }

        _chromium = new ChromiumPdf(Options.ChromiumPath, Options.PdfTimeout);
    }

    /// <summary>The options the printer was built with.</summary>
    public PrintOptions Options { get; }

    /// <summary>The draft as a self-contained HTML page with A4 print CSS; all of the draft's text is escaped.</summary>
    /// <exception cref="Notation.NotationFormatException">The draft's bracket notation is not valid.</exception>
    public string ToHtml(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return HtmlPrintRenderer.Render(PrintLayout.Lay(draft, Options), draft.Title);
    }

    /// <summary>The draft as a Word document (A4, native line numbering, footnotes).</summary>
    /// <exception cref="Notation.NotationFormatException">The draft's bracket notation is not valid.</exception>
    public byte[] ToDocx(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return DocxPrintRenderer.Render(PrintLayout.Lay(draft, Options), draft.Title);
    }

    /// <summary>The draft as a PDF: its HTML page printed by headless Chromium.</summary>
    /// <exception cref="PrintingException">Chromium is not installed or did not produce the PDF.</exception>
    /// <exception cref="Notation.NotationFormatException">The draft's bracket notation is not valid.</exception>
    public byte[] ToPdf(Draft draft) => _chromium.Print(ToHtml(draft));

    /// <summary>The draft printed in <paramref name="format"/>, as bytes (HTML in UTF-8).</summary>
    /// <exception cref="PrintingException">A PDF was asked for and Chromium is not installed or failed.</exception>
    /// <exception cref="Notation.NotationFormatException">The draft's bracket notation is not valid.</exception>
    public byte[] Print(Draft draft, PrintFormat format) => format switch
    {
        PrintFormat.Html => new System.Text.UTF8Encoding(false).GetBytes(ToHtml(draft)),
        PrintFormat.Docx => ToDocx(draft),
        PrintFormat.Pdf => ToPdf(draft),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown print format"),
    };

    /// <summary>The Chromium executable PDFs would be printed with, or null when none is installed.</summary>
    public string? ChromiumExecutable => _chromium.Locate();
}
