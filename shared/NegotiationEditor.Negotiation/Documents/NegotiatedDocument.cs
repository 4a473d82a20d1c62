using System.Collections.Immutable;
using System.Text.RegularExpressions;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Adoption;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Revisions;

namespace NegotiationEditor.Negotiation.Documents;

/// <summary>A document under negotiation: its amendments, the positions taken on them, its circulated revisions and,
/// once adopted, the seal of the adopted text. The live text itself lives in the CRDT, outside this library.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="Title">The title.</param>
/// <param name="Symbol">The document symbol, UN style ("E/CN.16/2010/WG/CRP.1"); revisions add <c>/Rev.N</c>.</param>
/// <param name="OnScreenDrafting">Who may type directly in the text.</param>
/// <param name="Amendments">The amendments tabled, in order.</param>
/// <param name="Positions">Every position taken on its amendments, in order (the full history).</param>
/// <param name="Revisions">The circulated revisions, Rev.1 first.</param>
/// <param name="Adoption">The seal of the adopted text; null until adopted.</param>
public sealed partial record NegotiatedDocument(
    DocumentId Id,
    string Title,
    string Symbol,
    OnScreenDrafting OnScreenDrafting,
    ImmutableList<Amendment> Amendments,
    ImmutableList<Position> Positions,
    ImmutableList<Revision> Revisions,
    AdoptionSeal? Adoption)
{
    /// <summary>The longest symbol accepted.</summary>
    public const int MaxSymbolLength = 100;

    /// <summary>Whether the document has been adopted.</summary>
    public bool IsAdopted => Adoption is not null;

    /// <summary>The amendment with <paramref name="id"/>, or null.</summary>
    public Amendment? FindAmendment(AmendmentId id) => Amendments.Find(a => a.Id == id);

    /// <summary>Why <paramref name="symbol"/> cannot be a document symbol, or null when it can
    /// (letters, digits, <c>/ . -</c>, starting with a letter or digit).</summary>
    public static string? CheckSymbol(string? symbol) =>
        symbol is null || symbol.Length > MaxSymbolLength || !SymbolPattern().IsMatch(symbol)
            ? $"'{symbol}' is not a document symbol: use letters, digits and / . - (at most {MaxSymbolLength} characters), e.g. E/CN.16/2010/WG/CRP.1"
            : null;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/.\-]*\z")]
    private static partial Regex SymbolPattern();
}
