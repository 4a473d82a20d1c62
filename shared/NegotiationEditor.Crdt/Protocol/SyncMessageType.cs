namespace NegotiationEditor.Crdt.Protocol;

/// <summary>The first number of a y-protocols sync message: which of the three messages it is.</summary>
public enum SyncMessageType
{
    /// <summary>Sync step 1: the sender's state vector, asking for everything it lacks.</summary>
    SyncStep1 = 0,

    /// <summary>Sync step 2: an update (V1) answering a sync step 1.</summary>
    SyncStep2 = 1,

    /// <summary>An incremental update (V1), sent whenever a document changes.</summary>
    Update = 2,
}
