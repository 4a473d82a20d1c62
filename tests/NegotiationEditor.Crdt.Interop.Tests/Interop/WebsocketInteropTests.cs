using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// y-websocket frames handled by <see cref="WebsocketProtocol"/> and by the y-websocket client's
/// handlers over the real y-protocols: the same reply bytes, the same awareness states and the
/// same document afterwards; and the frames we write are the frames y-websocket writes.
/// </summary>
public sealed class WebsocketInteropTests
{
    // Not 20, the author of World: yjs gives itself a new client id when a remote update uses its own.
    private const ulong Local = 30;
    private const string LocalState = """{"user":{"name":"Delegation of Brazil","color":"#009c3b"},"cursor":null}""";
    private static readonly byte[] Hello = Hex.Decode("01010a00040101740568656c6c6f00");
    private static readonly byte[] World = Hex.Decode("01011400840a040620776f726c6400");
    private static readonly byte[] PeerStates = AwarenessUpdate.Write(
    [
        new AwarenessEntry(4_000_000_000, 3, """{"user":{"name":"Chair"}}"""),
        new AwarenessEntry(7, 1, "{}"),
    ]);

    private static IEnumerable<TestCaseData> Frames()
    {
        yield return new TestCaseData("00000100").SetName("A_sync_step_1_frame_is_answered_with_the_same_sync_step_2_frame");
        yield return new TestCaseData("000003010a05").SetName("A_sync_step_1_frame_from_a_peer_that_has_everything_is_answered_with_an_empty_update");
        yield return new TestCaseData(Hex.Encode(new WebsocketSyncMessage(SyncMessage.Update(World)).ToArray())).SetName("An_update_frame_is_applied_the_same_way_and_not_answered");
        yield return new TestCaseData(Hex.Encode(new WebsocketSyncMessage(SyncMessage.SyncStep2(World)).ToArray())).SetName("A_sync_step_2_frame_is_applied_the_same_way_and_not_answered");
        yield return new TestCaseData("03").SetName("A_query_for_awareness_is_answered_with_every_known_state_in_the_same_order");
        yield return new TestCaseData(Hex.Encode(new WebsocketAwarenessMessage(AwarenessUpdate.Write(
        [
            new AwarenessEntry(7, 1, null),
            new AwarenessEntry(Local, 1, null),
            new AwarenessEntry(31, 2, """{"user":{"name":"Secretariat"}}"""),
        ])).ToArray())).SetName("An_awareness_frame_changes_the_states_the_same_way");
        yield return new TestCaseData(Hex.Encode(new WebsocketPermissionDeniedMessage("read-only").ToArray())).SetName("A_permission_denied_frame_changes_nothing_and_is_not_answered");
    }

    [TestCaseSource(nameof(Frames))]
    public void Frames_are_handled_as_the_y_websocket_client_handles_them(string frameHex)
    {
        var doc = new YDoc(Local);
        Y.ApplyUpdate(doc, Hello);
        var awareness = new Awareness(Local);
        awareness.SetLocalState(LocalState);
        awareness.ApplyUpdate(PeerStates);

        var reply = WebsocketProtocol.Answer(doc, awareness, Hex.Decode(frameHex), "remote");

        var yjs = NodeYjs.Run("protocol.mjs", new JsonObject
        {
            ["ops"] = new JsonArray(new JsonObject
            {
                ["op"] = "ws-handle",
                ["clientId"] = Local,
                ["doc"] = new JsonObject { ["updates"] = new JsonArray(Hex.Encode(Hello)) },
                ["localState"] = LocalState,
                ["awarenessUpdate"] = Hex.Encode(PeerStates),
                ["frame"] = frameHex,
                ["roots"] = new JsonObject { ["texts"] = new JsonArray("t") },
            }),
        })["results"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(reply is null ? "" : Hex.Encode(reply), Is.EqualTo((string)yjs["reply"]!), "reply");
            Assert.That(new JsonArray(awareness.States.Select(s => (JsonNode)new JsonArray(s.Key, s.Value)).ToArray()).ToJsonString(),
                Is.EqualTo(yjs["awareness"]!["states"]!.ToJsonString()), "awareness states");
            Assert.That(new JsonArray(awareness.Meta.Select(m => (JsonNode)new JsonArray(m.Key, m.Value.Clock)).ToArray()).ToJsonString(),
                Is.EqualTo(yjs["awareness"]!["clocks"]!.ToJsonString()), "awareness clocks");
            Assert.That(YjsDocView.Differences(doc, yjs["doc"]!), Is.Empty, "document");
        });
    }

    [Test]
    public void The_frames_written_here_are_the_frames_y_websocket_writes()
    {
        var doc = new YDoc(Local);
        Y.ApplyUpdate(doc, Hello);
        var awareness = new Awareness(Local);
        awareness.SetLocalState(LocalState);

        var yjs = NodeYjs.Run("protocol.mjs", new JsonObject
        {
            ["ops"] = new JsonArray(new JsonObject
            {
                ["op"] = "ws-write",
                ["clientId"] = Local,
                ["doc"] = new JsonObject { ["updates"] = new JsonArray(Hex.Encode(Hello)) },
                ["localState"] = LocalState,
                ["stateVector"] = "00",
                ["update"] = Hex.Encode(World),
                ["reason"] = "The text is locked for adoption",
            }),
        })["results"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(Hex.Encode(WebsocketProtocol.SyncStep1(doc).ToArray()), Is.EqualTo((string)yjs["syncStep1"]!));
            Assert.That(Hex.Encode(new WebsocketSyncMessage(SyncProtocol.SyncStep2(doc, [0])).ToArray()), Is.EqualTo((string)yjs["syncStep2"]!));
            Assert.That(Hex.Encode(WebsocketProtocol.Update(World).ToArray()), Is.EqualTo((string)yjs["update"]!));
            Assert.That(Hex.Encode(WebsocketProtocol.AwarenessOf(awareness, [Local]).ToArray()), Is.EqualTo((string)yjs["awareness"]!));
            Assert.That(Hex.Encode(new WebsocketQueryAwarenessMessage().ToArray()), Is.EqualTo((string)yjs["queryAwareness"]!));
            Assert.That(Hex.Encode(new WebsocketPermissionDeniedMessage("The text is locked for adoption").ToArray()), Is.EqualTo((string)yjs["permissionDenied"]!));
        });
    }
}
