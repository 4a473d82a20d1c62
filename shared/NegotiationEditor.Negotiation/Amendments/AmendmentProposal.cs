using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>What a delegation (or the chair) tables: the kind, where, the words concerned and the words proposed, who and why.</summary>
/// <param name="Kind">What the amendment does.</param>
/// <param name="Anchor">Where it sits in the live text.</param>
/// <param name="OriginalText">The words it touches as they stand (empty for an insertion or a new paragraph).</param>
/// <param name="ProposedTexts">The proposed words: one for an insertion, a replacement or a new paragraph; none for a
/// deletion; two or more for alternatives.</param>
/// <param name="ProposedBy">The proposing delegation; null for a chair's proposal, tabled for no delegation.</param>
/// <param name="CoSponsors">Other delegations joining the proposal.</param>
/// <param name="Justification">Why, in the proposer's words (may be empty).</param>
public sealed record AmendmentProposal(
    AmendmentKind Kind,
    TextAnchor Anchor,
    string OriginalText,
    IReadOnlyList<string> ProposedTexts,
    DelegationId? ProposedBy,
    IReadOnlyList<DelegationId> CoSponsors,
    string Justification)
{
    /// <summary>Who proposes it: a delegation, or the chair.</summary>
    public ProposerKind Proposer => ProposedBy is null ? ProposerKind.Chair : ProposerKind.Delegation;

    /// <summary>The longest text accepted in an original, an alternative or a justification, in characters.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>The most alternatives one amendment may offer.</summary>
    public const int MaxAlternatives = 10;

    /// <summary>Why this proposal is malformed for its kind, or null when it is well formed.</summary>
    public string? CheckShape()
    {
        if (!Enum.IsDefined(Kind))
        {
            return "unknown kind of amendment";
        }

        if (Anchor is null)
        {
            return "an amendment needs an anchor in the text";
        }

        if (OriginalText is null || ProposedTexts is null || CoSponsors is null || Justification is null)
        {
            return "an amendment needs its original text, proposed texts, co-sponsors and justification (empty where none)";
        }

        if (ProposedTexts.Any(text => text is null))
        {
            return "a proposed text is missing";
        }

        if (OriginalText.Length > MaxTextLength || Justification.Length > MaxTextLength || ProposedTexts.Any(text => text.Length > MaxTextLength))
        {
            return $"a text in an amendment has at most {MaxTextLength} characters";
        }

        var name = Describe(Kind);
        var pointKind = Kind is AmendmentKind.Insert or AmendmentKind.NewParagraph;
        if (pointKind && OriginalText.Length > 0)
        {
            return $"{name} touches no existing words: leave the original text empty";
        }

        if (pointKind && !Anchor.IsPoint)
        {
            return $"{name} is anchored at a point: start and end must be the same position";
        }

        if (!pointKind && Anchor.IsPoint)
        {
            return $"{name} is anchored to a span: start and end must be different positions";
        }

        if (!pointKind && OriginalText.Length == 0)
        {
            return $"{name} needs the original words it touches";
        }

        return Kind switch
        {
            AmendmentKind.Delete or AmendmentKind.DeleteParagraph when ProposedTexts.Count != 0
                => $"{name} proposes no text",
            AmendmentKind.Insert or AmendmentKind.NewParagraph or AmendmentKind.Replace when ProposedTexts.Count != 1
                => $"{name} proposes exactly one text",
            AmendmentKind.Insert or AmendmentKind.NewParagraph or AmendmentKind.Replace when string.IsNullOrWhiteSpace(ProposedTexts[0])
                => $"{name} proposes some words",
            AmendmentKind.Replace when ProposedTexts[0] == OriginalText
                => "a replacement proposes words different from the original",
            AmendmentKind.Alternatives when ProposedTexts.Count < 2 || ProposedTexts.Count > MaxAlternatives
                => $"alternatives offer between 2 and {MaxAlternatives} texts",
            AmendmentKind.Alternatives when ProposedTexts.Distinct(StringComparer.Ordinal).Count() != ProposedTexts.Count
                => "alternatives are all different",
            _ => null,
        };
    }

    /// <summary>The kind in words ("a replacement").</summary>
    public static string Describe(AmendmentKind kind) => kind switch
    {
        AmendmentKind.Insert => "an insertion",
        AmendmentKind.Delete => "a deletion",
        AmendmentKind.Replace => "a replacement",
        AmendmentKind.Alternatives => "a set of alternatives",
        AmendmentKind.NewParagraph => "a new paragraph",
        AmendmentKind.DeleteParagraph => "a deletion of a paragraph",
        _ => "an amendment of unknown kind",
    };
}
