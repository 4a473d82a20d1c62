namespace NegotiationEditor.Drafting.Printing;

/// <summary>How a <see cref="DraftPrinter"/> prints. Immutable; every property has a default.</summary>
public sealed record PrintOptions
{
    /// <summary>The document symbol to print (e.g. <c>E/CN.16/2011/CRP.1/Rev.2</c>); null takes the draft's front matter <c>symbol</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>The date and time to print; null takes the draft's front matter <c>date</c>, or else the time of printing from <see cref="Clock"/>.</summary>
    public DateTime? Date { get; init; }

    /// <summary>The clock that gives the time of printing for a draft without date.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The Chromium executable that prints PDFs; null looks for <c>/usr/bin/chromium</c>, then <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> on PATH.</summary>
    public string? ChromiumPath { get; init; }

    /// <summary>How long Chromium may take to print one PDF.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>The formats a draft can be printed in.</summary>
public enum PrintFormat
{
    /// <summary>A self-contained HTML page with A4 print CSS.</summary>
    Html,

    /// <summary>A Word document with native line numbering.</summary>
    Docx,

    /// <summary>A PDF printed from the HTML page by headless Chromium.</summary>
    Pdf,
}
