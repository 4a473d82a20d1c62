using System.Text;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Workflow;

/// <summary>
/// The bracketed compilation text of a document at the moment a revision is circulated: the live text with every
/// open amendment written in the bracket notation of <c>docs/notation.md</c> at its span
/// (<c>[in accordance with / bearing in mind {Proposed by Greece; supported by Iran; opposed by UK}]</c>), then
/// compiled by the drafting library (attributions become numbered footnotes). Open amendments on exactly the same
/// span share one bracket; one that overlaps an earlier bracket only in part is left out of the text (brackets do not
/// nest). When the result is not a well-formed notated draft (the live text has brackets of its own around the
/// span), the bracketed source is returned as it is, attributions in braces.
/// </summary>
public static class BracketedCompilation
{
    /// <summary>The compilation text of <paramref name="document"/> over <paramref name="liveText"/>.</summary>
    public static string Of(NegotiationState state, NegotiatedDocument document, string liveText, IAnchorResolver anchors)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(liveText);
        ArgumentNullException.ThrowIfNull(anchors);

        var placed = new List<(ResolvedSpan Span, List<Amendment> Amendments)>();
        foreach (var amendment in document.Amendments.Where(a => a.IsOpen))
        {
            if (anchors.Resolve(document.Id, amendment.Anchor) is not { } span || !span.LiesWithin(liveText.Length))
            {
                continue;
            }

            if (placed.FirstOrDefault(p => p.Span == span) is { Amendments: { } same })
            {
                same.Add(amendment);
            }
            else if (!placed.Any(p => p.Span.Overlaps(span) || (p.Span.Start < span.End && span.Start < p.Span.End)))
            {
                placed.Add((span, [amendment]));
            }
        }

        var source = new StringBuilder(liveText);
        foreach (var (span, amendments) in placed.OrderByDescending(p => p.Span.Start).ThenByDescending(p => p.Span.End))
        {
            source.Remove(span.Start, span.Length);
            source.Insert(span.Start, Bracket(state, document, liveText.Substring(span.Start, span.Length), amendments));
        }

        var notated = source.ToString();
        try
        {
            return Compilation.Of(DraftParser.Parse(notated)).ToMarkdown();
        }
        catch (Exception exception) when (exception is DraftFormatException or NotationFormatException)
        {
            return notated;
        }
    }

    private static string Bracket(NegotiationState state, NegotiatedDocument document, string original, List<Amendment> amendments)
    {
        var alternatives = new List<string>();
        var paragraphBreak = "";
        if (original.Length > 0)
        {
            alternatives.Add(Escape(original));
        }

        foreach (var amendment in amendments)
        {
            var attribution = " {" + Escape(AmendmentLedger.Render(amendment, document.Positions, state.Delegations)) + "}";
            if (amendment.Kind == AmendmentKind.NewParagraph)
            {
                paragraphBreak = AmendmentEdits.DefaultParagraphBreak;
            }

            IEnumerable<string> proposed = amendment.Kind switch
            {
                AmendmentKind.Delete or AmendmentKind.DeleteParagraph => ["(delete)"],
                _ => amendment.ProposedTexts.Select(text => text.Length == 0 ? "(delete)" : Escape(text)),
            };
            var first = true;
            foreach (var text in proposed)
            {
                alternatives.Add(first ? text + attribution : text);
                first = false;
            }
        }

        return paragraphBreak + "[" + string.Join(" / ", alternatives) + "]";
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '[' or ']' or '{' or '}' or '/' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
