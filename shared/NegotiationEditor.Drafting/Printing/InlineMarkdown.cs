using Markdig;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Reads the inline Markdown of a paragraph's text (emphasis, strong, code, links) into printed runs.
/// Raw HTML is disabled: <c>&lt;script&gt;</c> in a draft stays the text "&lt;script&gt;". Only
/// paragraphs are parsed, so a text that starts with "#", "-" or "1." is never read as a heading or
/// a list. Links keep their address only for http, https and mailto.
/// </summary>
internal static class InlineMarkdown
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml();
        builder.BlockParsers.RemoveAll(parser => parser is not ParagraphBlockParser);
        return builder.Build();
    }

    /// <summary>
    /// The runs of <paramref name="text"/>, each also carrying <paramref name="style"/>. White space at
    /// either end is kept as one space (Markdown would trim it): the text may be a piece between brackets.
    /// </summary>
    public static IEnumerable<PrintRun> Runs(string text, RunStyle style)
    {
        if (text.Length > 0 && char.IsWhiteSpace(text[0]))
        {
            yield return new PrintRun(" ", style);
        }

        foreach (var run in Parse(text, style))
        {
            yield return run;
        }

        if (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            yield return new PrintRun(" ", style);
        }
    }

    private static IEnumerable<PrintRun> Parse(string text, RunStyle style)
    {
        var document = Markdown.Parse(text, Pipeline);
        var first = true;
        foreach (var block in document)
        {
            if (!first)
            {
                yield return new PrintRun(" ", style);
            }

            first = false;
            if (block is LeafBlock { Inline: { } inline })
            {
                foreach (var run in Walk(inline, style, null))
                {
                    yield return run;
                }
            }
        }
    }

    private static IEnumerable<PrintRun> Walk(Inline inline, RunStyle style, string? target)
    {
        switch (inline)
        {
            case LiteralInline literal:
                yield return new PrintRun(literal.Content.ToString(), style, target);
                break;
            case CodeInline code:
                yield return new PrintRun(code.Content, style | RunStyle.Code, target);
                break;
            case HtmlEntityInline entity:
                yield return new PrintRun(entity.Transcoded.ToString(), style, target);
                break;
            case HtmlInline html:
                // Not produced while HTML is disabled; should it ever be, it is text.
                yield return new PrintRun(html.Tag, style, target);
                break;
            case LineBreakInline lineBreak:
                yield return new PrintRun(lineBreak.IsHard ? LineBreaker.HardBreak : " ", style, target);
                break;
            case AutolinkInline autolink:
                var address = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
                yield return new PrintRun(autolink.Url, style | RunStyle.Link, SafeTarget(address));
                break;
            case LinkInline { IsImage: true } image:
                // A printed draft never fetches an image: its description stands in its place.
                foreach (var run in Children(image, style, target))
                {
                    yield return run;
                }

                break;
            case LinkInline link:
                var safe = SafeTarget(link.Url);
                foreach (var run in Children(link, style | RunStyle.Link, safe))
                {
                    yield return run;
                }

                break;
            case EmphasisInline emphasis:
                var emphasised = emphasis.DelimiterCount >= 2 ? style | RunStyle.Bold : style | RunStyle.Italic;
                foreach (var run in Children(emphasis, emphasised, target))
                {
                    yield return run;
                }

                break;
            case ContainerInline container:
                foreach (var run in Children(container, style, target))
                {
                    yield return run;
                }

                break;
            default:
                yield return new PrintRun(inline.ToString() ?? string.Empty, style, target);
                break;
        }
    }

    private static IEnumerable<PrintRun> Children(ContainerInline container, RunStyle style, string? target)
    {
        foreach (var child in container)
        {
            foreach (var run in Walk(child, style, target))
            {
                yield return run;
            }
        }
    }

    /// <summary>The address if it is http, https or mailto; otherwise null (the text prints without a link).</summary>
    internal static string? SafeTarget(string? address)
    {
        if (address is null || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }
}
