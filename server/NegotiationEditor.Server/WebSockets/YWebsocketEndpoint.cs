using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// <c>/ws/{documentId}</c>: the y-websocket protocol on a plain WebSocket, so that an unmodified npm
/// <c>y-websocket</c> <c>WebsocketProvider</c> can connect (with the invite token as <c>access_token</c>).
/// </summary>
public static class YWebsocketEndpoint
{
    /// <summary>The path prefix.</summary>
    public const string Prefix = "/ws";

    /// <summary>The close reason (status 1001) given to every socket when the server stops.</summary>
    public const string ShuttingDown = "the server is shutting down; reconnect";

    /// <summary>Maps the endpoint; it needs <c>UseWebSockets</c> and authentication before it.</summary>
    public static IEndpointRouteBuilder MapYWebsocket(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(Prefix + "/{documentId}", ServeAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task ServeAsync(
        HttpContext context,
        string documentId,
        DocumentRooms rooms,
        LiveNegotiation negotiation,
        IOptions<CollaborationOptions> options,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A WebSocket is expected",
                detail: "Connect with the y-websocket protocol (WebSocket upgrade).").ExecuteAsync(context);
            return;
        }
        if (!DocumentId.TryParse(documentId, out var id))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document",
                detail: $"'{documentId}' is not a document id.").ExecuteAsync(context);
            return;
        }

        var token = InviteAuthenticationHandler.TokenOf(context);
        var participant = token is { } presented ? negotiation.Authenticate(presented) : null;
        if (participant is not { Succeeded: true })
        {
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An invite token is needed",
                detail: participant?.Refusal?.Message).ExecuteAsync(context);
            return;
        }

        DocumentRoom room;
        try
        {
            room = await rooms.AcquireAsync(id);
        }
        catch (KeyNotFoundException exception)
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such document", detail: exception.Message).ExecuteAsync(context);
            return;
        }

        try
        {
            var settings = options.Value;
            var (socket, direct) = await DirectWebSockets.AcceptAsync(context, settings.WritesStraightToSockets);
            using var accepted = socket;
            var connection = new WebsocketRoomConnection(
                context.Connection.Id + ":" + context.TraceIdentifier, socket, direct, participant.Value, token!.Value, settings.MaxQueuedFrames, context.RequestAborted);
            var sending = connection.CloseWhenFinishedAsync();
            // Kestrel waits for open requests when the server stops; a socket left open would hold the stop up until
            // its shutdown timeout and then be cut without a word.
            using var stopping = lifetime.ApplicationStopping.Register(() => connection.GoAway(ShuttingDown));
            if (await room.JoinAsync(connection) is { } refusal)
            {
                await connection.DeliverAsync(DocumentRoom.PermissionDenied(refusal));
                connection.Close(refusal);
                await sending;
                return;
            }

            try
            {
                await ReceiveLoopAsync(socket, room, connection, settings.MaxFrameBytes, loggers, context.RequestAborted);
            }
            finally
            {
                room.Leave(connection);
                connection.Finish();
                await sending;
            }
        }
        finally
        {
            rooms.Release(room);
        }
    }

    private static async Task ReceiveLoopAsync(
        WebSocket socket, DocumentRoom room, WebsocketRoomConnection connection, int maxFrameBytes, ILoggerFactory loggers, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, connection.Closing);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxFrameBytes + 1, 64 * 1024));
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                var oversized = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length > maxFrameBytes)
                        {
                            oversized = true;
                            length = 0;
                        }
                        else
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxFrameBytes + 1));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, aborted);
                    }
                    return;
                }

                if (oversized)
                {
                    // The frame was skipped unread; the room counts the fault and answers with the limit.
                    await room.RefuseOversizedAsync(connection);
                    continue;
                }

                try
                {
                    await room.ReceiveAsync(connection, buffer.AsSpan(0, length).ToArray());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A fault of the server's, not of the frame (those are answered in the room): say which frame, and
                    // close with a reason, so that the client reconnects and syncs again.
                    loggers.CreateLogger(typeof(YWebsocketEndpoint)).LogError(exception, "Document {Document}: a frame of {Length} bytes (message type {Type}) from {Connection} could not be handled; the connection is closed",
                        room.IdText, length, length > 0 ? buffer[0] : -1, connection);
                    connection.Close("the server could not handle a frame; reconnect to sync again");
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away or the server closed the connection.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
