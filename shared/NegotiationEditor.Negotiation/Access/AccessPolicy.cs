using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Access;

/// <summary>
/// Answers "may this participant do this action on this document now?". Deny by default: an action is allowed only
/// by a rule below. After adoption only reading remains. A delegate acts only for its own delegation.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Decides whether <paramref name="participant"/> may do <paramref name="action"/>.</summary>
    /// <param name="participant">The participant, or null when the caller is not a (known) participant.</param>
    /// <param name="action">The action asked for.</param>
    /// <param name="isAdopted">Whether the document (for negotiation-wide actions: every document) has been adopted.</param>
    /// <param name="onScreenDrafting">The document's on-screen drafting switch.</param>
    /// <param name="actingFor">The delegation the action is done for (the proposer of the amendment for a
    /// withdrawal, the delegation a position is taken for); null when the action is for no delegation.</param>
    public static AccessDecision Decide(
        Participant? participant,
        NegotiationAction action,
        bool isAdopted,
        OnScreenDrafting onScreenDrafting,
        DelegationId? actingFor = null)
    {
        if (participant is null)
        {
            return AccessDecision.Refused("not a participant of this negotiation");
        }

        if (participant.IsRemoved)
        {
            return AccessDecision.Refused($"{participant.Name} has been removed from the negotiation");
        }

        if (!Enum.IsDefined(action))
        {
            return AccessDecision.Refused("unknown action");
        }

        if (isAdopted && action != NegotiationAction.Read)
        {
            return AccessDecision.Refused("the text has been adopted: it can only be read");
        }

        if (actingFor is { } delegation && participant.Delegation != delegation)
        {
            return AccessDecision.Refused($"{participant.Name} may act only for their own delegation");
        }

        var role = participant.Role;
        var allowed = action switch
        {
            NegotiationAction.Read => Enum.IsDefined(role),
            NegotiationAction.EditText => MayType(role, onScreenDrafting),
            NegotiationAction.Propose or NegotiationAction.Withdraw or NegotiationAction.TakePosition
                => role is ParticipantRole.MemberStateDelegate or ParticipantRole.Stakeholder
                   && participant.Delegation is not null
                   && actingFor == participant.Delegation,
            NegotiationAction.Accept or NegotiationAction.Reject or NegotiationAction.Adopt or NegotiationAction.SwitchOnScreenDrafting
                => role == ParticipantRole.Chair,
            NegotiationAction.Circulate or NegotiationAction.ManageParticipants
                => role is ParticipantRole.Chair or ParticipantRole.Secretariat,
            // The secretariat tables the chair's proposals on the chair's behalf, as it circulates the chair's texts.
            NegotiationAction.ProposeForTheChair => role is ParticipantRole.Chair or ParticipantRole.Secretariat,
            _ => false,
        };

        if (allowed)
        {
            return AccessDecision.Allowed;
        }

        if (action is NegotiationAction.Propose or NegotiationAction.Withdraw or NegotiationAction.TakePosition
            && role is ParticipantRole.MemberStateDelegate or ParticipantRole.Stakeholder
            && actingFor is null)
        {
            return AccessDecision.Refused("say which delegation the action is for");
        }

        return AccessDecision.Refused(action == NegotiationAction.EditText
            ? $"on-screen drafting is {Describe(onScreenDrafting)}: {WithArticle(Participant.Describe(role))} may not type in the text"
            : $"{WithArticle(Participant.Describe(role))} may not {Describe(action)}");
    }

    /// <summary>"an observer", "a chair": a role's name with the indefinite article it takes.</summary>
    private static string WithArticle(string noun) =>
        (noun.Length > 0 && "aeiou".Contains(noun[0]) ? "an " : "a ") + noun;

    /// <summary>Whether a participant in <paramref name="role"/> may type directly under <paramref name="onScreenDrafting"/>.</summary>
    public static bool MayType(ParticipantRole role, OnScreenDrafting onScreenDrafting) => onScreenDrafting switch
    {
        OnScreenDrafting.ChairAndSecretariat => role is ParticipantRole.Chair or ParticipantRole.Secretariat,
        OnScreenDrafting.MemberStates => role is ParticipantRole.Chair or ParticipantRole.Secretariat or ParticipantRole.MemberStateDelegate,
        _ => false,
    };

    /// <summary>The action in words, as in "may not {action}".</summary>
    public static string Describe(NegotiationAction action) => action switch
    {
        NegotiationAction.Read => "read the text",
        NegotiationAction.EditText => "type in the text",
        NegotiationAction.Propose => "propose amendments",
        NegotiationAction.Withdraw => "withdraw amendments",
        NegotiationAction.TakePosition => "take positions",
        NegotiationAction.Accept => "accept amendments",
        NegotiationAction.Reject => "reject amendments",
        NegotiationAction.Circulate => "circulate revisions",
        NegotiationAction.Adopt => "adopt the text",
        NegotiationAction.SwitchOnScreenDrafting => "switch on-screen drafting",
        NegotiationAction.ManageParticipants => "manage participants",
        NegotiationAction.ProposeForTheChair => "table or withdraw the chair's proposals",
        _ => "do that",
    };

    /// <summary>The on-screen drafting mode in words, as in "on-screen drafting is {mode}".</summary>
    public static string Describe(OnScreenDrafting onScreenDrafting) => onScreenDrafting switch
    {
        OnScreenDrafting.ChairAndSecretariat => "for the chair and the secretariat",
        OnScreenDrafting.MemberStates => "open to member states",
        OnScreenDrafting.Closed => "closed",
        _ => "unknown",
    };
}
