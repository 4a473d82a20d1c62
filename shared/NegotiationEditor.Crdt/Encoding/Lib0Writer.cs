using System.Buffers.Binary;
using System.Collections;
using System.Numerics;

namespace NegotiationEditor.Crdt.Encoding;

/// <summary>
/// Writes the lib0 binary primitives used by Yjs 13 and y-protocols: variable-length unsigned and
/// signed integers, UTF-8 strings, byte arrays, big-endian fixed-width numbers and the
/// <c>any</c> value encoding. Always writes the shortest form, as lib0 does.
/// </summary>
public sealed class Lib0Writer
{
    /// <summary>The largest integer a JavaScript number holds exactly (2^53 − 1).</summary>
    public const ulong MaxSafeInteger = (1UL << 53) - 1;

    private static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(false, false);

    private byte[] buffer;
    private int length;

    /// <summary>Creates an empty writer.</summary>
    public Lib0Writer() : this(64)
    {
    }

    /// <summary>Creates an empty writer with room for <paramref name="capacity"/> bytes.</summary>
    public Lib0Writer(int capacity)
    {
        buffer = new byte[Math.Max(capacity, 16)];
    }

    /// <summary>The number of bytes written so far.</summary>
    public int Length => length;

    /// <summary>Returns a copy of the bytes written so far.</summary>
    public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

    /// <summary>The bytes written so far, without copying; valid until the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    private void Reserve(int extra)
    {
        if (length + extra <= buffer.Length)
        {
            return;
        }

        var next = new byte[Math.Max(buffer.Length * 2, length + extra)];
        Buffer.BlockCopy(buffer, 0, next, 0, length);
        buffer = next;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        if (length == buffer.Length)
        {
            Reserve(1);
        }

        buffer[length++] = value;
    }

    /// <summary>Writes raw bytes with no length prefix.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        Reserve(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Writes an unsigned integer of up to 53 bits in 7-bit groups, lowest group first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value exceeds 2^53 − 1.</exception>
    public void WriteVarUInt(ulong value)
    {
        if (value > MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "lib0 unsigned integers are limited to 2^53 - 1.");
        }

        Reserve(8);
        while (value > 0x7F)
        {
            buffer[length++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }

        buffer[length++] = (byte)value;
    }

    /// <summary>
    /// Writes a signed integer as sign and magnitude: the first byte carries a continuation bit,
    /// the sign bit (0x40) and six bits of the magnitude. <paramref name="negativeZero"/> writes −0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The magnitude exceeds 2^53 − 1.</exception>
    public void WriteVarInt(long value, bool negativeZero = false)
    {
        var negative = value < 0 || (value == 0 && negativeZero);
        var magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        if (magnitude > MaxSafeInteger)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "lib0 integers are limited to ±(2^53 - 1).");
        }

        Reserve(9);
        var first = (byte)((magnitude & 0x3F) | (negative ? 0x40UL : 0UL));
        magnitude >>= 6;
        if (magnitude > 0)
        {
            first |= 0x80;
        }

        buffer[length++] = first;
        while (magnitude > 0)
        {
            var next = (byte)(magnitude & 0x7F);
            magnitude >>= 7;
            if (magnitude > 0)
            {
                next |= 0x80;
            }

            buffer[length++] = next;
        }
    }

    /// <summary>
    /// Writes a string as its UTF-8 byte length and bytes. Lone surrogates become U+FFFD, as the
    /// JavaScript <c>TextEncoder</c> does.
    /// </summary>
    public void WriteVarString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteVarString(value.AsSpan());
    }

    /// <summary>Writes UTF-16 text as its UTF-8 byte length and bytes (lone surrogates become U+FFFD).</summary>
    public void WriteVarString(ReadOnlySpan<char> value)
    {
        var chars = value.Length;
        if (chars < 0x80)
        {
            // Short strings: try ASCII in place, with a one-byte length prefix.
            Reserve(chars + 1);
            var start = length;
            var ascii = true;
            for (var i = 0; i < chars; i++)
            {
                var c = value[i];
                if (c >= 0x80)
                {
                    ascii = false;
                    break;
                }

                buffer[start + 1 + i] = (byte)c;
            }

            if (ascii)
            {
                buffer[start] = (byte)chars;
                length = start + 1 + chars;
                return;
            }
        }

        var byteCount = Utf8.GetByteCount(value);
        WriteVarUInt((ulong)byteCount);
        Reserve(byteCount);
        length += Utf8.GetBytes(value, buffer.AsSpan(length));
    }

    /// <summary>Writes a byte array as its length and bytes.</summary>
    public void WriteVarBytes(ReadOnlySpan<byte> bytes)
    {
        WriteVarUInt((ulong)bytes.Length);
        WriteRaw(bytes);
    }

    /// <summary>Writes a big-endian IEEE 754 single.</summary>
    public void WriteFloat32(float value)
    {
        Reserve(4);
        BinaryPrimitives.WriteSingleBigEndian(buffer.AsSpan(length), value);
        length += 4;
    }

    /// <summary>Writes a big-endian IEEE 754 double.</summary>
    public void WriteFloat64(double value)
    {
        Reserve(8);
        BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    /// <summary>Writes a big-endian two's complement 64-bit integer.</summary>
    public void WriteBigInt64(long value)
    {
        Reserve(8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), value);
        length += 8;
    }

    /// <summary>
    /// Writes a value in the lib0 <c>any</c> encoding, choosing tags as the JavaScript writer does.
    /// Accepted values: <see langword="null"/>, <see cref="Undefined"/>, <see cref="bool"/>,
    /// <see cref="string"/>, every built-in number type (written as a JavaScript number),
    /// <see cref="BigInteger"/> (wrapped to 64 bits), <see cref="byte"/> arrays, dictionaries with
    /// string keys (keys in JavaScript property order) and any other sequence (as an array).
    /// </summary>
    /// <exception cref="ArgumentException">The value, or something inside it, has no <c>any</c> form.</exception>
    public void WriteAny(object? value)
    {
        WriteAny(value, 0);
    }

    private void WriteAny(object? value, int depth)
    {
        if (depth > Lib0Reader.MaxAnyDepth)
        {
            throw new ArgumentException($"Values nested deeper than {Lib0Reader.MaxAnyDepth} levels cannot be written.");
        }

        switch (value)
        {
            case null:
                WriteByte(126);
                return;
            case Undefined:
                WriteByte(127);
                return;
            case bool b:
                WriteByte(b ? (byte)120 : (byte)121);
                return;
            case string s:
                WriteByte(119);
                WriteVarString(s);
                return;
            case int i:
                WriteNumber(i);
                return;
            case long l:
                WriteNumber(l);
                return;
            case double d:
                WriteNumber(d);
                return;
            case float f:
                WriteNumber(f);
                return;
            case short or sbyte or byte or ushort or uint:
                WriteNumber(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case ulong ul:
                WriteNumber((double)ul);
                return;
            case decimal m:
                WriteNumber((double)m);
                return;
            case BigInteger big:
                WriteByte(122);
                WriteBigInt64((long)(ulong)(big & ulong.MaxValue));
                return;
            case byte[] bytes:
                WriteByte(116);
                WriteVarBytes(bytes);
                return;
            case ReadOnlyMemory<byte> memory:
                WriteByte(116);
                WriteVarBytes(memory.Span);
                return;
            case IEnumerable<KeyValuePair<string, object?>> entries:
                WriteObject(entries, depth);
                return;
            case IDictionary dictionary:
                WriteObject(ToEntries(dictionary), depth);
                return;
            case IEnumerable sequence:
                WriteArray(sequence, depth);
                return;
            default:
                throw new ArgumentException($"A value of type {value.GetType().Name} has no lib0 'any' encoding.");
        }
    }

    private static List<KeyValuePair<string, object?>> ToEntries(IDictionary dictionary)
    {
        var entries = new List<KeyValuePair<string, object?>>(dictionary.Count);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException("Only dictionaries with string keys can be written as an 'any' object.");
            }

            entries.Add(new KeyValuePair<string, object?>(key, entry.Value));
        }

        return entries;
    }

    private void WriteObject(IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        var ordered = JsPropertyOrder.Order(entries);
        WriteByte(118);
        WriteVarUInt((ulong)ordered.Count);
        foreach (var entry in ordered)
        {
            WriteVarString(entry.Key);
            WriteAny(entry.Value, depth + 1);
        }
    }

    private void WriteArray(IEnumerable sequence, int depth)
    {
        var items = new List<object?>();
        foreach (var item in sequence)
        {
            items.Add(item);
        }

        WriteByte(117);
        WriteVarUInt((ulong)items.Count);
        foreach (var item in items)
        {
            WriteAny(item, depth + 1);
        }
    }

    private void WriteNumber(long value)
    {
        if (value is >= -int.MaxValue and <= int.MaxValue)
        {
            WriteByte(125);
            WriteVarInt(value);
            return;
        }

        WriteNumber((double)value);
    }

    /// <summary>Writes a JavaScript number with the tag lib0 would choose (125, 124 or 123).</summary>
    private void WriteNumber(double value)
    {
        if (Math.Abs(value) <= int.MaxValue && Math.Floor(value) == value)
        {
            WriteByte(125);
            WriteVarInt((long)value, negativeZero: value == 0 && double.IsNegative(value));
        }
        else if ((double)(float)value == value)
        {
            WriteByte(124);
            WriteFloat32((float)value);
        }
        else
        {
            WriteByte(123);
            // JavaScript writes the canonical quiet NaN; .NET's double.NaN has the sign bit set.
            WriteFloat64(double.IsNaN(value) ? BitConverter.Int64BitsToDouble(0x7FF8000000000000) : value);
        }
    }
}
