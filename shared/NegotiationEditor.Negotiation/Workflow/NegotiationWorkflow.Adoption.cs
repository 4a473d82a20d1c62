using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Adoption;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Workflow;

public sealed partial class NegotiationWorkflow
{
    /// <summary>The chair adopts the text: seals it with its SHA-256 and the time. Refused while amendments are still open.
    /// From then on everything but reading is refused on the document, for everyone.</summary>
    public Outcome<Change<AdoptionSeal>> Adopt(NegotiationState state, ParticipantId actor, DocumentId documentId, string text)
    {
        if (Find(state, documentId, actor, NegotiationAction.Adopt, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refusal.Invalid("there is no text to adopt");
        }

        var open = document!.Amendments.Count(a => a.IsOpen);
        if (open > 0)
        {
            return Refusal.Conflict($"{open} amendment(s) are still open: accept, reject or have them withdrawn before adopting");
        }

        var seal = AdoptionSeal.Seal(text, _time.GetUtcNow(), actor);
        var next = Record(Replace(state, document, document with { Adoption = seal }), actor, HistoryEvent.TextAdopted,
            $"{document.Symbol} was adopted (SHA-256 {seal.TextSha256})", document.Id);
        return new Change<AdoptionSeal>(next, seal);
    }
}
