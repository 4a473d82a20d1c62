namespace NegotiationEditor.Server.Collaboration.Scaleout;

/// <summary>
/// Receives the frames other nodes relay and hands each to this node's room of that document when it is open here
/// (a room opened later loads the document from the shared storage instead).
/// </summary>
public sealed class RelayedFrameListener(RedisDocumentRelay relay, DocumentRooms rooms, ILogger<RelayedFrameListener> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => relay.SubscribeAsync(ReceiveAsync);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReceiveAsync(string documentId, byte[] frame)
    {
        var room = rooms.Loaded.FirstOrDefault(candidate => candidate.IdText == documentId);
        if (room is null)
        {
            return;
        }
        try
        {
            await room.ApplyRelayedAsync(frame).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A room whose load failed: the next client to open it loads it again from storage.
            logger.LogWarning(exception, "A frame relayed for document {Document} could not be applied", documentId);
        }
    }
}
