using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Workflow;

/// <summary>
/// A negotiation as it stands: its delegations, participants, invites, documents and history. Immutable: every
/// command of <see cref="NegotiationWorkflow"/> returns a new state and leaves this one as it was.
/// </summary>
/// <param name="Id">The negotiation's id.</param>
/// <param name="Title">The title ("CSTD Working Group on improvements to the IGF").</param>
/// <param name="Delegations">The delegations, in the order added.</param>
/// <param name="Participants">The participants, the chair first.</param>
/// <param name="Invites">The invites issued (only hashes of their tokens).</param>
/// <param name="Documents">The documents tabled.</param>
/// <param name="History">Every change, in order.</param>
public sealed record NegotiationState(
    NegotiationId Id,
    string Title,
    ImmutableList<Delegation> Delegations,
    ImmutableList<Participant> Participants,
    ImmutableList<Invite> Invites,
    ImmutableList<NegotiatedDocument> Documents,
    ImmutableList<HistoryEntry> History)
{
    /// <summary>Whether every document has been adopted (then negotiation-wide actions are refused too).</summary>
    public bool IsConcluded => !Documents.IsEmpty && Documents.All(d => d.IsAdopted);

    /// <summary>The participant with <paramref name="id"/>, or null.</summary>
    public Participant? FindParticipant(ParticipantId id) => Participants.Find(p => p.Id == id);

    /// <summary>The delegation with <paramref name="id"/>, or null.</summary>
    public Delegation? FindDelegation(DelegationId id) => Delegations.Find(d => d.Id == id);

    /// <summary>The document with <paramref name="id"/>, or null.</summary>
    public NegotiatedDocument? FindDocument(DocumentId id) => Documents.Find(d => d.Id == id);

    /// <summary>
    /// May <paramref name="participant"/> do <paramref name="action"/> on <paramref name="document"/> now? Pass no
    /// document for negotiation-wide actions (managing participants). See <see cref="AccessPolicy"/>.
    /// </summary>
    public AccessDecision MayDo(ParticipantId participant, NegotiationAction action, DocumentId? document, DelegationId? actingFor = null)
    {
        if (document is { } id)
        {
            return FindDocument(id) is { } found
                ? AccessPolicy.Decide(FindParticipant(participant), action, found.IsAdopted, found.OnScreenDrafting, actingFor)
                : AccessDecision.Refused("there is no such document in this negotiation");
        }

        return action is NegotiationAction.ManageParticipants or NegotiationAction.Read
            ? AccessPolicy.Decide(FindParticipant(participant), action, IsConcluded, OnScreenDrafting.ChairAndSecretariat, actingFor)
            : AccessDecision.Refused($"say on which document to {AccessPolicy.Describe(action)}");
    }

    /// <summary>The participant an invite token identifies, or a refusal when it identifies nobody (unknown or revoked).
    /// Every stored hash is compared, each in constant time.</summary>
    public Outcome<Participant> Authenticate(InviteToken token)
    {
        if (string.IsNullOrEmpty(token.Value))
        {
            return Refusal.Forbidden("an invite token is needed");
        }

        var presented = Invite.HashBytes(token);
        Invite? match = null;
        foreach (var invite in Invites)
        {
            if (invite.Matches(presented))
            {
                match = invite;
            }
        }

        if (match is null)
        {
            return Refusal.Forbidden("this invite is not valid for this negotiation");
        }

        if (match.IsRevoked)
        {
            return Refusal.Forbidden("this invite has been revoked");
        }

        return FindParticipant(match.Participant) is { IsRemoved: false } participant
            ? participant
            : Refusal.Forbidden("the participant of this invite has been removed");
    }
}

/// <summary>A command's result: the new state of the negotiation and what the command produced.</summary>
/// <typeparam name="T">What the command produced.</typeparam>
/// <param name="Negotiation">The negotiation after the command.</param>
/// <param name="Value">What the command produced (the new amendment, the revision, the token ...).</param>
public sealed record Change<T>(NegotiationState Negotiation, T Value);
