namespace NegotiationEditor.Negotiation.Delegations;

/// <summary>What a delegation is in the negotiation; only member states count toward decisions.</summary>
public enum DelegationKind
{
    /// <summary>A member state of the body: takes part in decisions.</summary>
    MemberState,

    /// <summary>A state attending as observer: may follow the text, does not take part.</summary>
    ObserverState,

    /// <summary>An intergovernmental organisation invited to participate (shown with the stakeholders).</summary>
    IntergovernmentalOrganisation,

    /// <summary>A non-governmental stakeholder (business, civil society, technical and academic community).</summary>
    Stakeholder,
}
