using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Tests.Encoding;

public sealed class StringAndBytesTests
{
    [TestCase("", "00")]
    [TestCase("t", "0174")]
    [TestCase("héllo 世界 😀!", "1368c3a96c6c6f20e4b896e7958c20f09f988021")]
    public void Strings_are_written_as_utf8_with_a_byte_count(string value, string hex)
    {
        var writer = new Lib0Writer();
        writer.WriteVarString(value);
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo(hex));
        Assert.That(new Lib0Reader(Hex.Parse(hex)).ReadVarString(), Is.EqualTo(value));
    }

    [Test]
    public void A_lone_surrogate_is_written_as_the_replacement_character()
    {
        var writer = new Lib0Writer();
        writer.WriteVarString("a\uD83Db");
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo("0561efbfbd62"));
    }

    [Test]
    public void Long_strings_get_a_multi_byte_length_prefix()
    {
        var text = new string('x', 200) + "é";
        var writer = new Lib0Writer();
        writer.WriteVarString(text);
        var bytes = writer.ToArray();
        Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xCA, 0x01 }));
        Assert.That(new Lib0Reader(bytes).ReadVarString(), Is.EqualTo(text));
    }

    [Test]
    public void Invalid_utf8_is_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("02c328")).ReadVarString());
    }

    [Test]
    public void A_string_length_beyond_the_input_is_rejected_without_allocating_it()
    {
        // Claims 2^53 - 1 bytes, holds one.
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("ffffffffffffff0f41")).ReadVarString());
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("ffffffffffffff0f41")).ReadVarBytes());
    }

    [Test]
    public void Byte_arrays_are_written_with_their_length()
    {
        var writer = new Lib0Writer();
        writer.WriteVarBytes(new byte[] { 1, 2, 3 });
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo("03010203"));
        Assert.That(new Lib0Reader(writer.ToArray()).ReadVarBytes(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Fixed_width_numbers_are_big_endian()
    {
        var writer = new Lib0Writer();
        writer.WriteFloat32(0.5f);
        writer.WriteFloat64(0.1);
        writer.WriteBigInt64(-2);
        Assert.That(Hex.Of(writer.ToArray()), Is.EqualTo("3f000000" + "3fb999999999999a" + "fffffffffffffffe"));
        var reader = new Lib0Reader(writer.ToArray());
        Assert.That(reader.ReadFloat32(), Is.EqualTo(0.5f));
        Assert.That(reader.ReadFloat64(), Is.EqualTo(0.1));
        Assert.That(reader.ReadBigInt64(), Is.EqualTo(-2L));
    }

    [Test]
    public void Truncated_fixed_width_numbers_are_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("3f0000")).ReadFloat32());
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("3fb9999999")).ReadFloat64());
        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(Hex.Parse("ff")).ReadBigInt64());
    }
}
