using System.Numerics;
using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Tests.Encoding;

// Expected bytes come from the yjs 13.6 golden vectors (any-encoding) and section 2.5 of the wire format notes.
public sealed class AnyValueTests
{
    private static string Write(object? value)
    {
        var writer = new Lib0Writer();
        writer.WriteAny(value);
        return Hex.Of(writer.ToArray());
    }

    private static object? Read(string hex)
    {
        var reader = new Lib0Reader(Hex.Parse(hex));
        var value = reader.ReadAny();
        Assert.That(reader.HasMore, Is.False);
        return value;
    }

    [TestCase(64L, "7d8001")]
    [TestCase(-64L, "7dc001")]
    [TestCase(-2147483648L, "7ccf000000")]
    [TestCase(2147483648L, "7c4f000000")]
    [TestCase(0.5, "7c3f000000")]
    [TestCase(0.1, "7b3fb999999999999a")]
    [TestCase(double.NaN, "7b7ff8000000000000")]
    [TestCase(double.PositiveInfinity, "7c7f800000")]
    [TestCase(9007199254740991.0, "7b433fffffffffffff")]
    public void Numbers_get_the_tag_javascript_would_choose(object value, string hex)
    {
        Assert.That(Write(value), Is.EqualTo(hex));
    }

    [Test]
    public void Negative_zero_is_an_integer_with_the_sign_bit()
    {
        Assert.That(Write(-0.0), Is.EqualTo("7d40"));
        var read = Read("7d40");
        Assert.That(read, Is.TypeOf<double>());
        Assert.That(double.IsNegative((double)read!), Is.True);
    }

    [Test]
    public void Integers_read_as_long_and_floats_as_double()
    {
        Assert.That(Read("7d8001"), Is.EqualTo(64L).And.TypeOf<long>());
        Assert.That(Read("7c3f000000"), Is.EqualTo(0.5).And.TypeOf<double>());
        Assert.That(Read("7b3fb999999999999a"), Is.EqualTo(0.1).And.TypeOf<double>());
    }

    [Test]
    public void Simple_values_have_one_byte_tags()
    {
        Assert.That(Write(null), Is.EqualTo("7e"));
        Assert.That(Write(Undefined.Value), Is.EqualTo("7f"));
        Assert.That(Write(true), Is.EqualTo("78"));
        Assert.That(Write(false), Is.EqualTo("79"));
        Assert.That(Read("7e"), Is.Null);
        Assert.That(Read("7f"), Is.SameAs(Undefined.Value));
        Assert.That(Read("78"), Is.True);
        Assert.That(Read("79"), Is.False);
    }

    [Test]
    public void Strings_bytes_and_bigints_round_trip()
    {
        Assert.That(Write("two"), Is.EqualTo("770374776f"));
        Assert.That(Read("770374776f"), Is.EqualTo("two"));
        Assert.That(Write(new byte[] { 9, 8 }), Is.EqualTo("74020908"));
        Assert.That(Read("74020908"), Is.EqualTo(new byte[] { 9, 8 }));
        Assert.That(Write(new BigInteger(-2)), Is.EqualTo("7afffffffffffffffe"));
        Assert.That(Read("7afffffffffffffffe"), Is.EqualTo(new BigInteger(-2)));
    }

    [Test]
    public void A_bigint_beyond_64_bits_wraps_around_as_in_javascript()
    {
        var written = Write(BigInteger.Parse("12345678901234567890"));
        Assert.That(Read(written), Is.EqualTo(BigInteger.Parse("-6101065172474983726")));
    }

    [Test]
    public void Object_keys_follow_javascript_property_order()
    {
        var value = new Dictionary<string, object?> { ["z"] = 1, ["a"] = 2, ["1"] = 3, ["01"] = 4, ["0"] = 5 };
        var hex = Write(value);
        var read = (Dictionary<string, object?>)Read(hex)!;
        Assert.That(read.Keys, Is.EqualTo(new[] { "0", "1", "z", "a", "01" }));
        Assert.That(hex, Does.StartWith("7605" + "0130" + "7d05" + "0131" + "7d03" + "017a" + "7d01"));
    }

    [Test]
    public void Arrays_nest()
    {
        var value = new List<object?> { 1L, "two", new List<object?> { null } };
        var hex = Write(value);
        Assert.That(hex, Is.EqualTo("7503" + "7d01" + "770374776f" + "75017e"));
        Assert.That(Read(hex), Is.EqualTo(value));
    }

    [Test]
    public void A_count_larger_than_the_input_is_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => Read("75ffffffff0f7e"));
        Assert.Throws<CrdtFormatException>(() => Read("76ffffffff0f"));
    }

    [Test]
    public void Deep_nesting_is_rejected_instead_of_exhausting_the_stack()
    {
        var bytes = new byte[100_000];
        for (var i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = 117;
            bytes[i + 1] = 1;
        }

        Assert.Throws<CrdtFormatException>(() => new Lib0Reader(bytes).ReadAny());
    }

    [Test]
    public void An_unknown_tag_is_rejected()
    {
        Assert.Throws<CrdtFormatException>(() => Read("10"));
    }

    [Test]
    public void A_value_without_an_any_form_cannot_be_written()
    {
        Assert.Throws<ArgumentException>(() => Write(new object()));
    }
}
