using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Access;

/// <summary>One person taking part in the negotiation, in a role and (for delegates and stakeholders) for a delegation.</summary>
/// <param name="Id">The participant's id.</param>
/// <param name="Name">The person's name as shown to others.</param>
/// <param name="Role">The role.</param>
/// <param name="Delegation">The delegation the participant acts for; null for the chair and the secretariat.</param>
/// <param name="IsRemoved">Whether the participant has been removed (then refused everything).</param>
public sealed record Participant(ParticipantId Id, string Name, ParticipantRole Role, DelegationId? Delegation, bool IsRemoved = false)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 120;

    /// <summary>
    /// Why a participant in <paramref name="role"/> cannot act for <paramref name="delegation"/>, or null when it can:
    /// the chair and the secretariat act for none, a member-state delegate for a member state, a stakeholder for a
    /// stakeholder or an intergovernmental organisation, an observer for an observer state or for none.
    /// </summary>
    public static string? CheckRole(ParticipantRole role, Delegation? delegation) => role switch
    {
        ParticipantRole.Chair or ParticipantRole.Secretariat when delegation is not null
            => $"the {Describe(role)} acts for no delegation",
        ParticipantRole.Chair or ParticipantRole.Secretariat => null,
        ParticipantRole.MemberStateDelegate when delegation?.Kind == DelegationKind.MemberState => null,
        ParticipantRole.MemberStateDelegate => "a member-state delegate acts for a member-state delegation",
        ParticipantRole.Stakeholder when delegation?.Kind is DelegationKind.Stakeholder or DelegationKind.IntergovernmentalOrganisation => null,
        ParticipantRole.Stakeholder => "a stakeholder acts for a stakeholder or an intergovernmental organisation",
        ParticipantRole.Observer when delegation is null || delegation.Kind == DelegationKind.ObserverState => null,
        ParticipantRole.Observer => "an observer attends alone or for an observer state",
        _ => "unknown role",
    };

    /// <summary>Why <paramref name="name"/> cannot be a participant's name, or null when it can.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "a participant needs a name";
        }

        if (name.Length > MaxNameLength || name.Trim() != name || name.Any(char.IsControl))
        {
            return $"a participant's name has at most {MaxNameLength} characters, no leading or trailing spaces and no control characters";
        }

        return null;
    }

    /// <summary>The role in words ("member-state delegate").</summary>
    public static string Describe(ParticipantRole role) => role switch
    {
        ParticipantRole.Chair => "chair",
        ParticipantRole.Secretariat => "secretariat",
        ParticipantRole.MemberStateDelegate => "member-state delegate",
        ParticipantRole.Stakeholder => "stakeholder",
        ParticipantRole.Observer => "observer",
        _ => "unknown role",
    };
}
