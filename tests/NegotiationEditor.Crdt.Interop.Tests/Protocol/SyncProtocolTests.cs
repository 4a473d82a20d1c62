using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

/// <summary>The golden y-websocket handshake (case sync-handshake) replayed with our documents.</summary>
public sealed class SyncProtocolTests
{
    private static byte[] Golden(string label) => GoldenVectors.Get("sync-handshake", label).Bytes;

    private static YDoc ServerWithHello()
    {
        var server = new YDoc(10);
        server.GetText("t").Insert(0, "hello");
        return server;
    }

    [Test]
    public void The_server_answers_an_empty_clients_sync_step_1_with_the_golden_sync_step_2()
    {
        var server = ServerWithHello();
        var awareness = new Awareness(10);

        var reply = WebsocketProtocol.Answer(server, awareness, Golden("ws_client_to_server_syncStep1"));

        Assert.That(reply, Is.EqualTo(Golden("ws_server_to_client_syncStep2")));
    }

    [Test]
    public void The_servers_own_sync_step_1_is_the_golden_frame()
    {
        Assert.That(WebsocketProtocol.SyncStep1(ServerWithHello()).ToArray(), Is.EqualTo(Golden("ws_server_to_client_syncStep1")));
    }

    [Test]
    public void A_client_that_received_everything_answers_the_servers_sync_step_1_with_an_empty_update()
    {
        var client = new YDoc(20);
        var awareness = new Awareness(20);
        WebsocketProtocol.Answer(client, awareness, Golden("ws_server_to_client_syncStep2"));

        var reply = WebsocketProtocol.Answer(client, awareness, Golden("ws_server_to_client_syncStep1"));

        Assert.Multiple(() =>
        {
            Assert.That(client.GetText("t").ToString(), Is.EqualTo("hello"));
            Assert.That(reply, Is.EqualTo(Golden("ws_client_to_server_syncStep2")));
        });
    }

    [Test]
    public void The_clients_edit_travels_as_the_golden_update_frame_and_leaves_the_golden_state()
    {
        var client = new YDoc(20);
        SyncProtocol.Answer(client, SyncMessage.Read(Golden("ws_server_to_client_syncStep2")[1..]));
        var frames = new List<byte[]>();
        client.Updated += (_, e) => frames.Add(WebsocketProtocol.Update(e.Update).ToArray());

        client.GetText("t").Insert(5, " world");

        Assert.Multiple(() =>
        {
            Assert.That(frames, Is.EqualTo(new[] { Golden("ws_client_to_server_update") }));
            Assert.That(Y.EncodeStateAsUpdate(client), Is.EqualTo(Golden("client_state_as_update")));
        });
    }

    [Test]
    public void An_update_message_is_applied_with_the_given_origin_and_needs_no_reply()
    {
        var server = ServerWithHello();
        object? origin = null;
        server.Updated += (_, e) => origin = e.Origin;

        var reply = SyncProtocol.Answer(server, Golden("ws_client_to_server_update")[1..], "connection 1");

        Assert.Multiple(() =>
        {
            Assert.That(reply, Is.Null);
            Assert.That(server.GetText("t").ToString(), Is.EqualTo("hello world"));
            Assert.That(origin, Is.EqualTo("connection 1"));
        });
    }

    [Test]
    public void A_malformed_update_message_is_rejected_and_leaves_the_document_as_it_was()
    {
        var server = ServerWithHello();
        var before = Y.EncodeStateAsUpdate(server);
        var truncated = SyncMessage.Update(Golden("client_state_as_update")[..^5]);

        Assert.Multiple(() =>
        {
            Assert.That(() => SyncProtocol.Answer(server, truncated), Throws.TypeOf<CrdtFormatException>());
            Assert.That(Y.EncodeStateAsUpdate(server), Is.EqualTo(before));
        });
    }

    [Test]
    public void A_sync_step_1_with_a_malformed_state_vector_is_rejected()
    {
        Assert.That(() => SyncProtocol.Answer(ServerWithHello(), SyncMessage.SyncStep1([0x05, 0x0a])), Throws.TypeOf<CrdtFormatException>());
    }
}
