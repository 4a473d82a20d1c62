using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

public sealed class SyncMessageTests
{
    private static IEnumerable<GoldenArtifact> GoldenSyncMessages() => GoldenVectors.OfKind("syncMessage");

    [TestCaseSource(nameof(GoldenSyncMessages))]
    public void A_golden_sync_message_reads_as_its_type_and_payload_and_writes_back_to_the_same_bytes(GoldenArtifact golden)
    {
        var message = SyncMessage.Read(golden.Bytes);

        Assert.Multiple(() =>
        {
            Assert.That((int)message.Type, Is.EqualTo((int)golden.Decoded!["inner"]!));
            Assert.That(Hex.Encode(message.Payload.Span), Is.EqualTo((string)golden.Decoded!["payloadHex"]!));
            Assert.That(message.ToArray(), Is.EqualTo(golden.Bytes));
        });
    }

    [Test]
    public void A_sync_step_1_of_an_empty_document_is_the_bytes_yjs_sends_first()
    {
        var golden = GoldenVectors.Get("sync-handshake", "y_protocols_syncStep1_client");

        Assert.That(SyncMessage.SyncStep1([0x00]).ToArray(), Is.EqualTo(golden.Bytes));
    }

    [TestCase(SyncMessageType.SyncStep1, "0003010a05")]
    [TestCase(SyncMessageType.SyncStep2, "01020000")]
    [TestCase(SyncMessageType.Update, "02020000")]
    public void Each_message_type_is_written_as_its_number_and_the_length_prefixed_payload(SyncMessageType type, string expectedHex)
    {
        var payload = Hex.Decode(expectedHex)[2..];
        var message = type switch
        {
            SyncMessageType.SyncStep1 => SyncMessage.SyncStep1(payload),
            SyncMessageType.SyncStep2 => SyncMessage.SyncStep2(payload),
            _ => SyncMessage.Update(payload),
        };

        Assert.That(Hex.Encode(message.ToArray()), Is.EqualTo(expectedHex));
    }

    [TestCase("", TestName = "An_empty_message_is_rejected")]
    [TestCase("03020000", TestName = "An_unknown_sync_message_type_is_rejected")]
    [TestCase("010500", TestName = "A_payload_shorter_than_its_length_is_rejected")]
    [TestCase("0102000000", TestName = "Bytes_after_the_message_are_rejected")]
    [TestCase("80", TestName = "A_truncated_type_number_is_rejected")]
    public void Malformed_sync_messages_are_rejected_with_a_format_error(string hex)
    {
        Assert.That(() => SyncMessage.Read(Hex.Decode(hex)), Throws.TypeOf<CrdtFormatException>());
    }

    [Test]
    public void A_message_read_from_a_reader_leaves_the_reader_after_the_message()
    {
        var reader = new Lib0Reader(Hex.Decode("020200007f"));

        var message = SyncMessage.Read(reader);

        Assert.Multiple(() =>
        {
            Assert.That(message.Type, Is.EqualTo(SyncMessageType.Update));
            Assert.That(reader.ReadByte(), Is.EqualTo(0x7f));
        });
    }

    [Test]
    public void The_payload_is_copied_so_that_later_changes_to_the_callers_array_do_not_leak_in()
    {
        var update = Hex.Decode("0000");
        var message = SyncMessage.Update(update);

        update[0] = 0x05;

        Assert.That(Hex.Encode(message.Payload.Span), Is.EqualTo("0000"));
    }

    [TestCase("000100", false)]
    [TestCase("01020000", true)]
    [TestCase("02020000", true)]
    public void Only_sync_step_2_and_updates_change_a_document(string hex, bool changes)
    {
        Assert.That(SyncMessage.Read(Hex.Decode(hex)).ChangesDocument, Is.EqualTo(changes));
    }
}
