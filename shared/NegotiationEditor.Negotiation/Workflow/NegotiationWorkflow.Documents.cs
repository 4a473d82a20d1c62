using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Workflow;

public sealed partial class NegotiationWorkflow
{
    /// <summary>Tables a new document for negotiation (chair or secretariat: the same right as circulating).</summary>
    public Outcome<Change<NegotiatedDocument>> TableDocument(NegotiationState state, ParticipantId actor, string title, string symbol)
    {
        ArgumentNullException.ThrowIfNull(state);
        var decision = AccessPolicy.Decide(state.FindParticipant(actor), NegotiationAction.Circulate, isAdopted: false, OnScreenDrafting.ChairAndSecretariat);
        if (!decision.IsAllowed)
        {
            return Refusal.Forbidden(decision.Reason!);
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 300 || title.Any(char.IsControl))
        {
            return Refusal.Invalid("a document needs a title of one line (at most 300 characters)");
        }

        if (NegotiatedDocument.CheckSymbol(symbol) is { } problem)
        {
            return Refusal.Invalid(problem);
        }

        if (state.Documents.Any(d => d.Symbol == symbol))
        {
            return Refusal.Conflict($"a document with the symbol {symbol} is already on the table");
        }

        var document = new NegotiatedDocument(DocumentId.New(_random), title.Trim(), symbol, OnScreenDrafting.ChairAndSecretariat, [], [], [], null);
        var next = Record(state with { Documents = state.Documents.Add(document) }, actor, HistoryEvent.DocumentTabled,
            $"{symbol} \"{document.Title}\" was tabled", document.Id);
        return new Change<NegotiatedDocument>(next, document);
    }

    /// <summary>The chair decides who may type directly in the text of a document.</summary>
    public Outcome<Change<NegotiatedDocument>> SwitchOnScreenDrafting(
        NegotiationState state, ParticipantId actor, DocumentId documentId, OnScreenDrafting mode)
    {
        if (Find(state, documentId, actor, NegotiationAction.SwitchOnScreenDrafting, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (!Enum.IsDefined(mode))
        {
            return Refusal.Invalid("unknown on-screen drafting mode");
        }

        if (document!.OnScreenDrafting == mode)
        {
            return Refusal.Conflict($"on-screen drafting of {document.Symbol} is already {AccessPolicy.Describe(mode)}");
        }

        var switched = document with { OnScreenDrafting = mode };
        var next = Record(Replace(state, document, switched), actor, HistoryEvent.OnScreenDraftingSwitched,
            $"on-screen drafting of {document.Symbol} is now {AccessPolicy.Describe(mode)}", document.Id);
        return new Change<NegotiatedDocument>(next, switched);
    }
}
