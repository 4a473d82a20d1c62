using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Timeline;

/// <summary>
/// The negotiation as it stood at a past moment, folded back from its state now: what was tabled, proposed, decided,
/// said and circulated by then, and nothing after. Delegations and participants all stay, so that everyone named then
/// can still be named. The live text is not here: the server reads it from the document's edit history.
/// </summary>
public static class NegotiationAtMoment
{
    /// <summary>The negotiation as it stood at <paramref name="moment"/> (changes stamped at the moment itself count).</summary>
    public static NegotiationState At(NegotiationState state, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(state);
        var documents = state.Documents
            .Where(d => TabledAt(state, d.Id) is not { } tabled || tabled <= moment)
            .Select(d => DocumentAt(state, d, moment))
            .ToImmutableList();
        return state with { Documents = documents, History = state.History.Where(e => e.At <= moment).ToImmutableList() };
    }

    /// <summary>When the document was tabled, from the history; null when the history does not say.</summary>
    public static DateTimeOffset? TabledAt(NegotiationState state, DocumentId document)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.History.Find(e => e.Event == HistoryEvent.DocumentTabled && e.Document == document)?.At;
    }

    /// <summary>The document as it stood at <paramref name="moment"/>: amendments tabled by then with the status they
    /// had, positions and revisions by then, the on-screen drafting mode then, and the seal only once adopted.</summary>
    public static NegotiatedDocument DocumentAt(NegotiationState state, NegotiatedDocument document, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(document);
        var laterCoSponsors = state.History
            .Where(e => e.Event == HistoryEvent.CoSponsorJoined && e.Document == document.Id && e.At > moment
                && e.Amendment is not null && e.Delegation is not null)
            .Select(e => (Amendment: e.Amendment!.Value, Delegation: e.Delegation!.Value))
            .ToHashSet();
        var amendments = document.Amendments
            .Where(a => a.ProposedAt <= moment)
            .Select(a => AmendmentAt(a, moment, laterCoSponsors))
            .ToImmutableList();
        return document with
        {
            Amendments = amendments,
            Positions = document.Positions.Where(p => p.TakenAt <= moment).ToImmutableList(),
            Revisions = document.Revisions.Where(r => r.CirculatedAt <= moment).ToImmutableList(),
            Adoption = document.Adoption is { } seal && seal.AdoptedAt <= moment ? seal : null,
            OnScreenDrafting = DraftingAt(state, document, moment),
        };
    }

    private static Amendment AmendmentAt(Amendment amendment, DateTimeOffset moment, HashSet<(AmendmentId Amendment, Delegations.DelegationId Delegation)> laterCoSponsors)
    {
        var coSponsors = amendment.CoSponsors.Where(d => !laterCoSponsors.Contains((amendment.Id, d))).ToImmutableArray();
        var folded = amendment with { CoSponsors = coSponsors };
        return amendment.DecidedAt is { } decided && decided > moment
            ? folded with { Status = AmendmentStatus.Proposed, DecidedAt = null, AcceptedAlternative = null, SupersededBy = null }
            : folded;
    }

    // A switch is recorded with the mode in its sentence only ("... is now closed"); a document starts with the chair
    // and the secretariat typing (see NegotiationWorkflow.TableDocument).
    private static OnScreenDrafting DraftingAt(NegotiationState state, NegotiatedDocument document, DateTimeOffset moment)
    {
        var switches = state.History.Where(e => e.Event == HistoryEvent.OnScreenDraftingSwitched && e.Document == document.Id).ToList();
        if (switches.Count == 0)
        {
            return document.OnScreenDrafting;
        }

        var last = switches.LastOrDefault(e => e.At <= moment);
        if (last is null)
        {
            return OnScreenDrafting.ChairAndSecretariat;
        }

        if (ReferenceEquals(last, switches[^1]))
        {
            return document.OnScreenDrafting;
        }

        foreach (var mode in Enum.GetValues<OnScreenDrafting>())
        {
            if (last.Description.EndsWith(" is now " + AccessPolicy.Describe(mode), StringComparison.Ordinal))
            {
                return mode;
            }
        }

        return document.OnScreenDrafting;
    }
}
