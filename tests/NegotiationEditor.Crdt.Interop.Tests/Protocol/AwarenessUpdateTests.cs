using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Protocol;

public sealed class AwarenessUpdateTests
{
    private const string AliceJson = """{"user":{"name":"alice","color":"#ff0000"},"cursor":null}""";

    [Test]
    public void The_golden_state_update_reads_as_one_entry_and_writes_back_to_the_same_bytes()
    {
        var golden = GoldenVectors.Get("awareness", "awareness_update_state");

        var entries = AwarenessUpdate.Read(golden.Bytes);

        Assert.Multiple(() =>
        {
            Assert.That(entries, Is.EqualTo(new[] { new AwarenessEntry(20, 1, AliceJson) }));
            Assert.That(AwarenessUpdate.Write(entries), Is.EqualTo(golden.Bytes));
        });
    }

    [Test]
    public void The_golden_removal_reads_as_a_null_state_and_is_written_as_the_json_text_null()
    {
        var golden = GoldenVectors.Get("awareness", "awareness_update_removed");

        var entries = AwarenessUpdate.Read(golden.Bytes);

        Assert.Multiple(() =>
        {
            Assert.That(entries, Is.EqualTo(new[] { new AwarenessEntry(20, 2, null) }));
            Assert.That(AwarenessUpdate.Write(entries), Is.EqualTo(golden.Bytes));
        });
    }

    [Test]
    public void State_text_is_kept_exactly_as_received_including_its_spacing()
    {
        var spaced = """{ "cursor" : 3 }""";

        var entries = AwarenessUpdate.Read(AwarenessUpdate.Write([new AwarenessEntry(7, 4, spaced)]));

        Assert.That(entries.Single().StateJson, Is.EqualTo(spaced));
    }

    [Test]
    public void Client_ids_and_clocks_above_32_bits_survive_a_round_trip()
    {
        var entry = new AwarenessEntry((1UL << 53) - 1, 1UL << 40, "{}");

        Assert.That(AwarenessUpdate.Read(AwarenessUpdate.Write([entry])), Is.EqualTo(new[] { entry }));
    }

    [TestCase("", TestName = "An_empty_update_is_rejected")]
    [TestCase("01140102", TestName = "A_state_shorter_than_its_length_is_rejected")]
    [TestCase("0114010378797a", TestName = "A_state_that_is_not_json_is_rejected")]
    [TestCase("ffffffff0f", TestName = "A_count_larger_than_the_input_can_hold_is_rejected")]
    [TestCase("0014", TestName = "Bytes_after_the_entries_are_rejected")]
    public void Malformed_awareness_updates_are_rejected_with_a_format_error(string hex)
    {
        Assert.That(() => AwarenessUpdate.Read(Hex.Decode(hex)), Throws.TypeOf<CrdtFormatException>());
    }

    [Test]
    public void Writing_a_state_that_is_not_json_is_refused()
    {
        Assert.That(() => AwarenessUpdate.Write([new AwarenessEntry(1, 0, "{cursor:")]), Throws.ArgumentException);
    }
}
