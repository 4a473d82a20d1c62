using System.Collections.Concurrent;
using System.Net.WebSockets;
using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Tests.Support;

namespace NegotiationEditor.Client.Tests.Live;

/// <summary>
/// The live document against a scripted hub, for what our server does only in races or when access changes: the auth
/// frame that answers a frame sent before the join is not a denial, and a join refused after a reconnection ends the
/// live document aloud instead of leaving it connected and deaf.
/// </summary>
[TestFixture]
public sealed class JoinRefusalTests
{
    [Test]
    public async Task A_frame_refused_for_coming_before_the_join_is_counted_and_not_reported_as_a_denial()
    {
        await using var hub = await ScriptedHubServer.StartAsync(new HubScript { AnswerNotJoinedBeforeJoining = true });
        await using var live = await LiveDocument.ConnectAsync(hub.Invite, "L.9", Options(reconnect: false));
        var denied = new ConcurrentQueue<string>();
        live.Denied += (_, reason) => denied.Enqueue(reason);

        live.Edit(text => text.Insert(text.Length, " on the Internet Governance Forum"));
        await live.FlushAsync();

        Assert.Multiple(() =>
        {
            Assert.That(live.Text, Is.EqualTo("Draft resolution on the Internet Governance Forum"));
            Assert.That(live.FramesRefusedBeforeJoin, Is.EqualTo(1));
            Assert.That(live.Denials, Is.Empty);
            Assert.That(denied, Is.Empty);
            Assert.That(hub.Script.FramesBeforeJoin, Is.Zero, "the client itself sent nothing before its join");
            Assert.That(hub.Script.Frames, Is.Not.Empty, "the edit reached the hub after the join");
        });
    }

    [Test]
    public async Task A_join_refused_after_a_reconnection_is_reported_and_closes_the_live_document()
    {
        await using var hub = await ScriptedHubServer.StartAsync(new HubScript { JoinsAllowed = 1 });
        var sockets = new ConcurrentQueue<ClientWebSocket>();
        await using var live = await LiveDocument.ConnectAsync(hub.Invite, "L.9", Options(reconnect: true, sockets));
        var denied = new ConcurrentQueue<string>();
        var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Denied += (_, reason) => denied.Enqueue(reason);
        live.Disconnected += (_, _) => disconnected.TrySetResult();

        sockets.Last().Abort();
        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(hub.Script.JoinsSoFar, Is.EqualTo(2), "the client connected again and asked to join again");
            Assert.That(denied.ToArray(), Is.EqualTo(new[] { "could not join again after reconnecting: this participant may no longer read the document" }));
            Assert.That(live.Denials, Is.EqualTo(denied.ToArray()));
            Assert.That(live.IsConnected, Is.False);
            Assert.That(hub.Script.FramesBeforeJoin, Is.Zero);
        });
    }

    private static LiveDocumentOptions Options(bool reconnect, ConcurrentQueue<ClientWebSocket>? sockets = null) => new()
    {
        MessagePack = false,
        Reconnect = reconnect,
        ConfigureConnection = connection =>
        {
            if (sockets is not null)
            {
                connection.WebSocketFactory = async (context, cancellation) =>
                {
                    var socket = new ClientWebSocket();
                    await socket.ConnectAsync(context.Uri, cancellation);
                    sockets.Enqueue(socket);
                    return socket;
                };
            }
        },
    };
}
