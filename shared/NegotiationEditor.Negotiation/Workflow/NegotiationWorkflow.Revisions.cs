using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Revisions;

namespace NegotiationEditor.Negotiation.Workflow;

public sealed partial class NegotiationWorkflow
{
    /// <summary>Circulates the next revision of a document (Rev.1, Rev.2 ...): the text, the bracketed compilation text,
    /// the state of every amendment and the CRDT snapshot, frozen at this moment.</summary>
    public Outcome<Change<Revision>> Circulate(
        NegotiationState state, ParticipantId actor, DocumentId documentId, string text, string compilationText, ReadOnlySpan<byte> crdtSnapshot)
    {
        if (Find(state, documentId, actor, NegotiationAction.Circulate, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (text is null || compilationText is null)
        {
            return Refusal.Invalid("a revision needs its text and its compilation text");
        }

        if (text.Length > Revision.MaxTextLength || compilationText.Length > Revision.MaxTextLength)
        {
            return Refusal.Invalid($"a revision's text has at most {Revision.MaxTextLength} characters");
        }

        var number = document!.Revisions.Count + 1;
        var revision = new Revision(
            RevisionId.New(_random), document.Id, number, Revision.SymbolFor(document.Symbol, number), _time.GetUtcNow(), actor,
            text, compilationText, [.. document.Amendments.Select(a => new AmendmentState(a.Id, a.Status))], [.. crdtSnapshot]);
        var next = Record(Replace(state, document, document with { Revisions = document.Revisions.Add(revision) }), actor,
            HistoryEvent.RevisionCirculated, $"{revision.Symbol} was circulated", document.Id, revision: revision.Id);
        return new Change<Revision>(next, revision);
    }
}
