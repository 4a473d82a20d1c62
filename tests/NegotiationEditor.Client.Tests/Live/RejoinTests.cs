using System.Collections.Concurrent;
using System.Net.WebSockets;
using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.Live;

/// <summary>
/// The chair keeps typing while the connection is cut again and again (the server stays up): the live document holds
/// its frames until it has joined the document again, so the server never sees a frame from a connection that has not
/// joined, and every keystroke still reaches it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RejoinTests
{
    private const int Cuts = 5;

    [Test]
    public async Task Edits_typed_across_reconnections_all_reach_the_server_and_no_frame_comes_before_the_join()
    {
        using var server = await ServerProcess.StartAsync(new ServerOptions { RequestsPerWindow = 100_000 });
        var invites = InviteBook.Of(server);
        using var api = new NegotiationApi(invites.Chair);
        var document = (await api.ListDocumentsAsync())[0].Id;
        var sockets = new ConcurrentQueue<ClientWebSocket>();
        await using var live = await LiveDocument.ConnectAsync(invites.Chair, document, new LiveDocumentOptions
        {
            ConfigureConnection = connection => connection.WebSocketFactory = async (context, cancellation) =>
            {
                if (!sockets.IsEmpty)
                {
                    // A slow network: opening the connection again takes a while, and what is typed meanwhile waits for it.
                    await Task.Delay(200, cancellation);
                }
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(context.Uri, cancellation);
                sockets.Enqueue(socket);
                return socket;
            },
        });

        using var stop = new CancellationTokenSource();
        var typing = TypeUntilAsync(live, stop.Token);
        var rejoined = 0;
        for (var cut = 0; cut < Cuts; cut++)
        {
            var syncsBefore = live.Syncs;
            var socketsBefore = sockets.Count;
            sockets.Last().Abort();
            // Each join brings two sync step 2 messages: the server's own and its answer to the client's step 1.
            if (await Eventually.HoldsAsync(() => sockets.Count > socketsBefore && live.Syncs >= syncsBefore + 2 && live.IsConnected))
            {
                rejoined++;
            }
        }
        await stop.CancelAsync();
        var typed = await typing;
        await live.FlushAsync();
        var arrived = await Eventually.HoldsAsync(() => TextOf(api, document) == live.Text, TimeSpan.FromSeconds(60));
        var serverText = TextOf(api, document);

        Assert.Multiple(() =>
        {
            Assert.That(rejoined, Is.EqualTo(Cuts), "the client joined again after every cut\n" + server.Output);
            Assert.That(live.Denials, Is.Empty);
            Assert.That(arrived, Is.True, "the server's text became the client's");
            Assert.That(Enumerable.Range(0, typed).Where(k => !serverText.Contains(Marker(k), StringComparison.Ordinal)), Is.Empty,
                $"every one of the {typed} keystrokes reached the server");
            Assert.That(live.FramesRefusedBeforeJoin, Is.Zero, "the server refused no frame for coming before the join");
        });
    }

    /// <summary>Appends one numbered marker after another until stopped; returns how many were typed.</summary>
    private static async Task<int> TypeUntilAsync(LiveDocument live, CancellationToken stop)
    {
        var typed = 0;
        while (!stop.IsCancellationRequested)
        {
            var marker = Marker(typed);
            live.Edit(text => text.Insert(text.Length, marker));
            typed++;
            // A fast typist, yet slower than the frames go out, so the queue does not grow without end.
            await Task.Delay(3, CancellationToken.None);
        }
        return typed;
    }

    private static string Marker(int k) => $"<{k}>";

    private static string TextOf(NegotiationApi api, string document)
    {
        try
        {
            return api.GetDocumentAsync(document).GetAwaiter().GetResult().Text ?? "";
        }
        catch (NegotiationApiException)
        {
            return "";
        }
    }
}
