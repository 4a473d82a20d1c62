using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;

namespace NegotiationEditor.Server.Collaboration.Scaleout;

/// <summary>
/// Keeps every node's <see cref="LiveNegotiation"/> current when the negotiation is stored in a shared database: a
/// change made here is announced to the other nodes, which reload the stored state (and so close connections whose
/// access was revoked, show new amendments, revisions and positions).
/// </summary>
public sealed class NegotiationChangeRelay(RedisDocumentRelay relay, LiveNegotiation negotiation, ILogger<NegotiationChangeRelay> logger) : IHostedService
{
    [ThreadStatic]
    private static bool _reloading;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        negotiation.Changed += Announce;
        await relay.SubscribeNegotiationAsync(Reload).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        negotiation.Changed -= Announce;
        return Task.CompletedTask;
    }

    private void Announce(NegotiationState state)
    {
        if (!_reloading)
        {
            relay.PublishNegotiationChanged();
        }
    }

    private void Reload()
    {
        _reloading = true;
        try
        {
            negotiation.Reload();
        }
        catch (IOException exception)
        {
            logger.LogWarning(exception, "The negotiation changed by another node could not be reloaded");
        }
        finally
        {
            _reloading = false;
        }
    }
}
