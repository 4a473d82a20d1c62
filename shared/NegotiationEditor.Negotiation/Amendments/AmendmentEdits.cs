namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>
/// Turns an accepted amendment into the exact edits to apply to the live text, given where its anchor lies now.
/// Refuses when the anchored span no longer exists or no longer holds the words the amendment was tabled on.
/// </summary>
public static class AmendmentEdits
{
    /// <summary>The break put before a new paragraph's text (the anchor of a new paragraph is the end of the paragraph it follows).</summary>
    public const string DefaultParagraphBreak = "\n\n";

    /// <summary>Checks that <paramref name="span"/> still holds what an amendment of <paramref name="kind"/> on
    /// <paramref name="originalText"/> expects in <paramref name="currentText"/>; null when it does.</summary>
    public static Refusal? CheckAnchoredText(AmendmentKind kind, string originalText, ResolvedSpan? span, string currentText)
    {
        ArgumentNullException.ThrowIfNull(originalText);
        ArgumentNullException.ThrowIfNull(currentText);
        if (span is not { } resolved)
        {
            return Refusal.Conflict("the anchored span no longer exists in the text");
        }

        if (!resolved.LiesWithin(currentText.Length))
        {
            return Refusal.Conflict($"the anchored span {resolved} lies outside the current text ({currentText.Length} characters)");
        }

        if (kind is AmendmentKind.Insert or AmendmentKind.NewParagraph)
        {
            return resolved.IsPoint
                ? null
                : Refusal.Conflict("the insertion point no longer resolves to a single place in the text");
        }

        var now = currentText.AsSpan(resolved.Start, resolved.Length);
        if (resolved.IsPoint)
        {
            return Refusal.Conflict($"the anchored span no longer exists: \"{originalText}\" was deleted");
        }

        return now.SequenceEqual(originalText)
            ? null
            : Refusal.Conflict($"the anchored span no longer holds the original text: \"{originalText}\" now reads \"{now}\"");
    }

    /// <summary>The edits that accepting <paramref name="amendment"/> makes to <paramref name="currentText"/>.</summary>
    /// <param name="amendment">The amendment accepted.</param>
    /// <param name="span">Where its anchor lies now (null when it no longer resolves).</param>
    /// <param name="currentText">The live text now.</param>
    /// <param name="alternative">For alternatives: the index of the accepted alternative; null otherwise.</param>
    /// <param name="paragraphBreak">What separates a new paragraph from the one it follows.</param>
    public static Outcome<IReadOnlyList<TextEdit>> For(
        Amendment amendment,
        ResolvedSpan? span,
        string currentText,
        int? alternative = null,
        string paragraphBreak = DefaultParagraphBreak)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(currentText);
        ArgumentNullException.ThrowIfNull(paragraphBreak);
        if (amendment.Kind == AmendmentKind.Alternatives)
        {
            if (alternative is not { } chosen)
            {
                return Refusal.Invalid($"choose one of the {amendment.ProposedTexts.Length} alternatives to accept");
            }

            if (chosen < 0 || chosen >= amendment.ProposedTexts.Length)
            {
                return Refusal.Invalid($"there is no alternative {chosen}: choose 0 to {amendment.ProposedTexts.Length - 1}");
            }
        }
        else if (alternative is not null)
        {
            return Refusal.Invalid("only an amendment with alternatives takes a choice of alternative");
        }

        if (CheckAnchoredText(amendment.Kind, amendment.OriginalText, span, currentText) is { } refusal)
        {
            return refusal;
        }

        var at = span!.Value;
        string replacement = amendment.Kind switch
        {
            AmendmentKind.Insert or AmendmentKind.Replace => amendment.ProposedTexts[0],
            AmendmentKind.NewParagraph => paragraphBreak + amendment.ProposedTexts[0],
            AmendmentKind.Alternatives => amendment.ProposedTexts[alternative!.Value],
            _ => string.Empty,
        };

        if (currentText.AsSpan(at.Start, at.Length).SequenceEqual(replacement))
        {
            return Outcome<IReadOnlyList<TextEdit>>.Success([]);
        }

        return Outcome<IReadOnlyList<TextEdit>>.Success([new TextEdit(at.Start, at.Length, replacement)]);
    }
}
