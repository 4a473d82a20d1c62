using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>The server's negotiation store, whose saves fail while <see cref="Failing"/> is set (the file went away between two writes).</summary>
public sealed class FailingNegotiationStore(INegotiationStore store) : INegotiationStore
{
    public volatile bool Failing;

    public NegotiationState? Load() => store.Load();

    public void Save(NegotiationState negotiation)
    {
        if (Failing)
        {
            throw new IOException("the negotiation could not be written");
        }
        store.Save(negotiation);
    }
}
