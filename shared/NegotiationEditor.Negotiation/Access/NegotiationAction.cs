namespace NegotiationEditor.Negotiation.Access;

/// <summary>Everything a participant may ask to do; the access policy answers for each.</summary>
public enum NegotiationAction
{
    /// <summary>Read the text, the amendments, the ledger and the revisions.</summary>
    Read,

    /// <summary>Type directly in the live text (on-screen drafting).</summary>
    EditText,

    /// <summary>Propose an amendment for one's delegation.</summary>
    Propose,

    /// <summary>Withdraw an amendment one's delegation proposed.</summary>
    Withdraw,

    /// <summary>Take (or change) one's delegation's position on an amendment.</summary>
    TakePosition,

    /// <summary>Accept an amendment into the text.</summary>
    Accept,

    /// <summary>Reject an amendment.</summary>
    Reject,

    /// <summary>Circulate a revision (and table a new document).</summary>
    Circulate,

    /// <summary>Adopt the text, sealing it.</summary>
    Adopt,

    /// <summary>Decide who may type directly in the text.</summary>
    SwitchOnScreenDrafting,

    /// <summary>Add delegations and participants, issue and revoke invites, remove participants.</summary>
    ManageParticipants,

    /// <summary>Table (or withdraw) a chair's proposal: an amendment proposed by the chair, for no delegation.</summary>
    ProposeForTheChair,
}
