using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Revisions;

/// <summary>The status an amendment had when a revision was circulated.</summary>
/// <param name="Amendment">The amendment.</param>
/// <param name="Status">Its status at that moment.</param>
public sealed record AmendmentState(AmendmentId Amendment, AmendmentStatus Status);

/// <summary>
/// A circulated revision of a document: immutable once circulated. Revisions of a document are numbered 1, 2, 3 ...
/// in the order they are circulated; the label is <c>Rev.N</c> and the symbol the document's symbol plus <c>/Rev.N</c>.
/// </summary>
/// <param name="Id">The revision's id.</param>
/// <param name="Document">The document revised.</param>
/// <param name="Number">N in <c>Rev.N</c>.</param>
/// <param name="Symbol">The document symbol of the revision ("E/CN.16/2010/WG/CRP.1/Rev.2").</param>
/// <param name="CirculatedAt">When it was circulated.</param>
/// <param name="CirculatedBy">Who circulated it.</param>
/// <param name="Text">The text as it stood.</param>
/// <param name="CompilationText">The bracketed compilation text (amendments in brackets, with their attributions).</param>
/// <param name="AmendmentStates">The status of every amendment of the document at that moment.</param>
/// <param name="CrdtSnapshot">The CRDT snapshot of the live text at that moment (opaque here).</param>
public sealed record Revision(
    RevisionId Id,
    DocumentId Document,
    int Number,
    string Symbol,
    DateTimeOffset CirculatedAt,
    ParticipantId CirculatedBy,
    string Text,
    string CompilationText,
    ImmutableArray<AmendmentState> AmendmentStates,
    ImmutableArray<byte> CrdtSnapshot)
{
    /// <summary>The longest text (or compilation text) a revision may hold, in characters.</summary>
    public const int MaxTextLength = 5_000_000;

    /// <summary>The label: <c>Rev.N</c>.</summary>
    public string Label => LabelFor(Number);

    /// <summary>The label of revision <paramref name="number"/>: <c>Rev.N</c>.</summary>
    public static string LabelFor(int number) => $"Rev.{number}";

    /// <summary>The symbol of revision <paramref name="number"/> of the document with <paramref name="baseSymbol"/>.</summary>
    public static string SymbolFor(string baseSymbol, int number) => $"{baseSymbol}/{LabelFor(number)}";
}
