namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>Who an amendment is proposed by: a delegation, or the chair (the office, which holds no delegation).</summary>
public enum ProposerKind
{
    /// <summary>A delegation proposes it (<see cref="Amendment.ProposedBy"/> names it).</summary>
    Delegation,

    /// <summary>The chair proposes it, for no delegation: a chair's proposal.</summary>
    Chair,
}
