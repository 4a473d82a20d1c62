using Microsoft.Extensions.Options;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>Runs <see cref="DocumentRooms.Maintain"/> every <see cref="CollaborationOptions.MaintenanceInterval"/>.</summary>
public sealed class RoomMaintenance(DocumentRooms rooms, IOptions<CollaborationOptions> options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                rooms.Maintain();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
