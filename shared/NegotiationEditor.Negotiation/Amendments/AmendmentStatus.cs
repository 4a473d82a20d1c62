namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>Where an amendment stands. Only a proposed amendment moves; every other status is final.</summary>
public enum AmendmentStatus
{
    /// <summary>On the table.</summary>
    Proposed,

    /// <summary>Withdrawn by its proposer.</summary>
    Withdrawn,

    /// <summary>Accepted by the chair; its edit was applied to the text.</summary>
    Accepted,

    /// <summary>Rejected by the chair.</summary>
    Rejected,

    /// <summary>Overtaken: another amendment on an overlapping span was accepted.</summary>
    Superseded,
}

/// <summary>The allowed status transitions of an amendment.</summary>
public static class AmendmentLifecycle
{
    /// <summary>Whether an amendment may move from <paramref name="from"/> to <paramref name="to"/>:
    /// from proposed to withdrawn, accepted, rejected or superseded; nothing else.</summary>
    public static bool CanMove(AmendmentStatus from, AmendmentStatus to) =>
        from == AmendmentStatus.Proposed
        && to is AmendmentStatus.Withdrawn or AmendmentStatus.Accepted or AmendmentStatus.Rejected or AmendmentStatus.Superseded;

    /// <summary>The status in words ("withdrawn").</summary>
    public static string Describe(AmendmentStatus status) => status switch
    {
        AmendmentStatus.Proposed => "proposed",
        AmendmentStatus.Withdrawn => "withdrawn",
        AmendmentStatus.Accepted => "accepted",
        AmendmentStatus.Rejected => "rejected",
        AmendmentStatus.Superseded => "superseded",
        _ => "unknown",
    };
}
