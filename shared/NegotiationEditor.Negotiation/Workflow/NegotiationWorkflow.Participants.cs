using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Workflow;

public sealed partial class NegotiationWorkflow
{
    /// <summary>Adds a delegation (chair or secretariat).</summary>
    public Outcome<Change<Delegation>> AddDelegation(NegotiationState state, ParticipantId actor, string name, DelegationKind kind)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (Delegation.CheckName(name) is { } problem)
        {
            return Refusal.Invalid(problem);
        }

        if (!Enum.IsDefined(kind))
        {
            return Refusal.Invalid("unknown kind of delegation");
        }

        if (state.Delegations.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal.Conflict($"there is already a delegation named {name}");
        }

        var delegation = new Delegation(DelegationId.New(_random), name, kind);
        var next = state with { Delegations = state.Delegations.Add(delegation) };
        next = Record(next, actor, HistoryEvent.DelegationAdded, $"{name} joined the negotiation", delegation: delegation.Id);
        return new Change<Delegation>(next, delegation);
    }

    /// <summary>Adds a participant in a role, for a delegation where the role has one (chair or secretariat).</summary>
    public Outcome<Change<Participant>> AddParticipant(
        NegotiationState state, ParticipantId actor, string name, ParticipantRole role, DelegationId? delegation)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (Participant.CheckName(name) is { } nameProblem)
        {
            return Refusal.Invalid(nameProblem);
        }

        if (!Enum.IsDefined(role))
        {
            return Refusal.Invalid("unknown role");
        }

        Delegation? found = null;
        if (delegation is { } id && (found = state.FindDelegation(id)) is null)
        {
            return Refusal.NotFound("there is no such delegation in this negotiation");
        }

        if (Participant.CheckRole(role, found) is { } roleProblem)
        {
            return Refusal.Invalid(roleProblem);
        }

        if (CheckOfficers(state, actor, role) is { } officers)
        {
            return officers;
        }

        if (role == ParticipantRole.Chair && state.Participants.Any(p => p.Role == ParticipantRole.Chair && !p.IsRemoved))
        {
            return Refusal.Conflict("the negotiation already has a chair");
        }

        var participant = new Participant(ParticipantId.New(_random), name, role, delegation);
        var next = state with { Participants = state.Participants.Add(participant) };
        var what = found is null ? Participant.Describe(role) : $"{Participant.Describe(role)} for {found.Name}";
        next = Record(next, actor, HistoryEvent.ParticipantAdded, $"{name} joined as {what}", delegation: delegation);
        return new Change<Participant>(next, participant);
    }

    /// <summary>Removes a participant: from then on refused everything, invites included.</summary>
    public Outcome<Change<Participant>> RemoveParticipant(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(participant) is not { } found)
        {
            return Refusal.NotFound("there is no such participant in this negotiation");
        }

        if (found.IsRemoved)
        {
            return Refusal.Conflict($"{found.Name} has already been removed");
        }

        if (found.Id == actor)
        {
            return Refusal.Invalid("a participant cannot remove themselves");
        }

        if (found.Role == ParticipantRole.Chair)
        {
            return Refusal.Invalid("the chair cannot be removed");
        }

        if (CheckOfficers(state, actor, found.Role) is { } officers)
        {
            return officers;
        }

        var removed = found with { IsRemoved = true };
        var next = state with { Participants = state.Participants.Replace(found, removed) };
        next = Record(next, actor, HistoryEvent.ParticipantRemoved, $"{found.Name} was removed from the negotiation");
        return new Change<Participant>(next, removed);
    }

    /// <summary>Issues an invite to a participant. The token is returned once, here; only its SHA-256 is kept.</summary>
    public Outcome<Change<InviteToken>> IssueInvite(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        var managed = ManagedParticipant(state, actor, participant);
        if (!managed.Succeeded)
        {
            return managed.Refusal!;
        }

        var found = managed.Value;

        if (found.IsRemoved)
        {
            return Refusal.Conflict($"{found.Name} has been removed: no invite can be issued");
        }

        var token = InviteToken.New(_random);
        var invite = new Invite(participant, Invite.Hash(token), _time.GetUtcNow());
        var next = state with { Invites = state.Invites.Add(invite) };
        next = Record(next, actor, HistoryEvent.InviteIssued, $"an invite was issued to {found.Name}");
        return new Change<InviteToken>(next, token);
    }

    /// <summary>Revokes every valid invite of a participant; returns how many were revoked.</summary>
    public Outcome<Change<int>> RevokeInvites(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        var managed = ManagedParticipant(state, actor, participant);
        if (!managed.Succeeded)
        {
            return managed.Refusal!;
        }

        var found = managed.Value;

        var valid = state.Invites.Where(i => i.Participant == participant && !i.IsRevoked).ToList();
        if (valid.Count == 0)
        {
            return Refusal.Conflict($"{found.Name} holds no valid invite");
        }

        var now = _time.GetUtcNow();
        var invites = state.Invites.Select(i => valid.Contains(i) ? i with { RevokedAt = now } : i).ToImmutableList();
        var next = Record(state with { Invites = invites }, actor, HistoryEvent.InvitesRevoked, $"the invites of {found.Name} were revoked");
        return new Change<int>(next, valid.Count);
    }

    /// <summary>The secretariat manages delegates, stakeholders and observers; only the chair adds, invites or removes
    /// the chair and the secretariat (an invite hands over the rights of the one invited).</summary>
    private static Refusal? CheckOfficers(NegotiationState state, ParticipantId actor, ParticipantRole target) =>
        target is ParticipantRole.Chair or ParticipantRole.Secretariat && state.FindParticipant(actor)?.Role != ParticipantRole.Chair
            ? Refusal.Forbidden("only the chair manages the access of the chair and the secretariat")
            : null;

    /// <summary>The participant an officer manages (issue or revoke invites), after the checks every such action makes.</summary>
    private static Outcome<Participant> ManagedParticipant(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(participant) is not { } found)
        {
            return Refusal.NotFound("there is no such participant in this negotiation");
        }

        if (CheckOfficers(state, actor, found.Role) is { } officers)
        {
            return officers;
        }

        return found;
    }
}
