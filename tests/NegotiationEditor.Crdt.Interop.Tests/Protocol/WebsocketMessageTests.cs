using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

public sealed class WebsocketMessageTests
{
    private static IEnumerable<GoldenArtifact> GoldenFrames() => GoldenVectors.OfKind("wsMessage");

    [TestCaseSource(nameof(GoldenFrames))]
    public void A_golden_y_websocket_frame_reads_as_its_message_and_writes_back_to_the_same_bytes(GoldenArtifact golden)
    {
        var message = WebsocketMessage.Read(golden.Bytes);

        Assert.Multiple(() =>
        {
            Assert.That((int)message.Type, Is.EqualTo((int)golden.Decoded!["outer"]!));
            Assert.That(message.ToArray(), Is.EqualTo(golden.Bytes));
        });
        switch (message)
        {
            case WebsocketSyncMessage sync:
                Assert.That((int)sync.Sync.Type, Is.EqualTo((int)golden.Decoded!["inner"]!));
                Assert.That(Hex.Encode(sync.Sync.Payload.Span), Is.EqualTo((string)golden.Decoded!["payloadHex"]!));
                break;
            case WebsocketAwarenessMessage awareness:
                Assert.That(Hex.Encode(awareness.Update.Span), Is.EqualTo((string)golden.Decoded!["payloadHex"]!));
                break;
        }
    }

    [Test]
    public void The_golden_awareness_frame_holds_alices_state_for_client_20_at_clock_1()
    {
        var frame = (WebsocketAwarenessMessage)WebsocketMessage.Read(GoldenVectors.Get("awareness", "ws_awareness").Bytes);

        var entry = frame.ReadEntries().Single();

        Assert.That(entry, Is.EqualTo(new AwarenessEntry(20, 1, """{"user":{"name":"alice","color":"#ff0000"},"cursor":null}""")));
    }

    [Test]
    public void A_query_for_awareness_is_the_single_byte_3()
    {
        Assert.That(new WebsocketQueryAwarenessMessage().ToArray(), Is.EqualTo(new byte[] { 3 }));
    }

    [Test]
    public void A_permission_denied_frame_carries_its_reason_after_type_2_and_auth_type_0()
    {
        var bytes = new WebsocketPermissionDeniedMessage("read-only").ToArray();

        var read = (WebsocketPermissionDeniedMessage)WebsocketMessage.Read(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(Hex.Encode(bytes), Is.EqualTo("020009726561642d6f6e6c79"));
            Assert.That(read.Reason, Is.EqualTo("read-only"));
        });
    }

    [Test]
    public void A_sync_frame_is_the_sync_message_after_type_0_with_no_extra_length()
    {
        var frame = new WebsocketSyncMessage(SyncMessage.Update(Hex.Decode("0000")));

        Assert.That(Hex.Encode(frame.ToArray()), Is.EqualTo("0002020000"));
    }

    [TestCase("", TestName = "An_empty_frame_is_rejected")]
    [TestCase("04", TestName = "A_frame_of_an_unknown_type_is_rejected")]
    [TestCase("0300", TestName = "A_query_for_awareness_with_a_payload_is_rejected")]
    [TestCase("0105011401", TestName = "An_awareness_frame_shorter_than_its_length_is_rejected")]
    [TestCase("020100", TestName = "An_auth_frame_of_an_unknown_auth_type_is_rejected")]
    [TestCase("0200", TestName = "A_permission_denied_frame_without_a_reason_is_rejected")]
    [TestCase("0004", TestName = "A_sync_frame_of_an_unknown_sync_type_is_rejected")]
    [TestCase("000101", TestName = "A_sync_frame_with_a_truncated_payload_is_rejected")]
    public void Malformed_frames_are_rejected_with_a_format_error(string hex)
    {
        Assert.That(() => WebsocketMessage.Read(Hex.Decode(hex)), Throws.TypeOf<CrdtFormatException>());
    }
}
