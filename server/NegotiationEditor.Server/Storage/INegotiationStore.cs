using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Storage;

/// <summary>Keeps the negotiation's state (delegations, participants, hashed invites, documents, history).</summary>
public interface INegotiationStore
{
    /// <summary>The stored negotiation, or null when the data folder holds none yet.</summary>
    NegotiationState? Load();

    /// <summary>Stores the negotiation, replacing the previous state, durably.</summary>
    void Save(NegotiationState negotiation);
}
