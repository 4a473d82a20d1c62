using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Tests.Encoding;

// Expected bytes are those listed for lib0 in shared/design/yjs-wire-format.md, section 2.
public sealed class VarIntegerTests
{
    [TestCase(0UL, "00")]
    [TestCase(1UL, "01")]
    [TestCase(127UL, "7f")]
    [TestCase(128UL, "8001")]
    [TestCase(300UL, "ac02")]
    [TestCase(16384UL, "808001")]
    [TestCase(4294967295UL, "ffffffff0f")]
    [TestCase(9007199254740991UL, "ffffffffffffff0f")]
    public void Unsigned_integers_are_written_in_seven_bit_groups_lowest_first(ulong value, string hex)
    {
        var writer = new Lib0Writer();
        writer.WriteVarUInt(value);
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo(hex));
        Assert.That(new Lib0Reader(Hex.Parse(hex)).ReadVarUInt(), Is.EqualTo(value));
    }

    [Test]
    public void An_unsigned_integer_above_two_to_the_53_cannot_be_written()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lib0Writer().WriteVarUInt(1UL << 53));
    }

    [Test]
    public void An_unsigned_integer_above_two_to_the_53_is_rejected_when_read()
    {
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("8080808080808010")).ReadVarUInt());
    }

    [Test]
    public void Over_long_forms_are_accepted_when_read()
    {
        var reader = new Lib0Reader(Hex.Parse("8000 01"));
        Assert.That(reader.ReadVarUInt(), Is.EqualTo(0UL));
        Assert.That(reader.ReadVarUInt(), Is.EqualTo(1UL));
    }

    [Test]
    public void An_endless_run_of_continuation_bytes_is_rejected()
    {
        var bytes = Enumerable.Repeat((byte)0x80, 1000).ToArray();
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(bytes).ReadVarUInt());
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(bytes).ReadVarInt());
    }

    [TestCase("")]
    [TestCase("80")]
    [TestCase("ffff")]
    public void A_truncated_unsigned_integer_is_rejected(string hex)
    {
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse(hex)).ReadVarUInt());
    }

    [TestCase(0L, "00")]
    [TestCase(1L, "01")]
    [TestCase(-1L, "41")]
    [TestCase(63L, "3f")]
    [TestCase(64L, "8001")]
    [TestCase(-64L, "c001")]
    [TestCase(2147483647L, "bfffffff0f")]
    [TestCase(-2147483647L, "ffffffff0f")]
    public void Signed_integers_are_written_as_sign_and_magnitude(long value, string hex)
    {
        var writer = new Lib0Writer();
        writer.WriteVarInt(value);
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo(hex));
        Assert.That(new Lib0Reader(Hex.Parse(hex)).ReadVarInt(), Is.EqualTo(value));
    }

    [Test]
    public void Negative_zero_has_its_own_form()
    {
        var writer = new Lib0Writer();
        writer.WriteVarInt(0, negativeZero: true);
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo("40"));
        var value = new Lib0Reader(writer.ToArray()).ReadVarInt(out var negativeZero);
        Assert.That(value, Is.Zero);
        Assert.That(negativeZero, Is.True);
    }

    [Test]
    public void A_truncated_signed_integer_is_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("c0")).ReadVarInt());
    }

    [Test]
    public void Random_unsigned_integers_survive_a_round_trip()
    {
        var random = new Random(20261127);
        var values = new ulong[500];
        var writer = new Lib0Writer();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (ulong)random.NextInt64(0, long.MaxValue) >> random.Next(11, 64);
            writer.WriteVarUInt(values[i]);
        }

        var reader = new Lib0Reader(writer.ToArray());
        foreach (var value in values)
        {
            Assert.That(reader.ReadVarUInt(), Is.EqualTo(value));
        }

        Assert.That(reader.HasMore, Is.False);
    }
}
