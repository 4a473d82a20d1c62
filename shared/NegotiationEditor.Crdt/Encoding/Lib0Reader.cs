using System.Buffers.Binary;
using System.Numerics;

namespace NegotiationEditor.Crdt.Encoding;

/// <summary>
/// Reads the lib0 binary primitives written by <see cref="Lib0Writer"/> or by JavaScript lib0.
/// Every read checks the remaining input first: a length field can never make the reader allocate
/// more than the bytes that are actually left, and truncated or out-of-range input throws
/// <see cref="CrdtFormatException"/>.
/// </summary>
public sealed class Lib0Reader
{
    /// <summary>The deepest nesting of <c>any</c> objects and arrays that is read or written.</summary>
    public const int MaxAnyDepth = 128;

    private static readonly System.Text.Encoding StrictUtf8 = new System.Text.UTF8Encoding(false, true);

    private readonly byte[] data;
    private readonly int end;
    private int position;

    /// <summary>Reads all of <paramref name="data"/>.</summary>
    public Lib0Reader(byte[] data) : this(data, 0, data?.Length ?? 0)
    {
    }

    /// <summary>Reads <paramref name="count"/> bytes of <paramref name="data"/> starting at <paramref name="offset"/>.</summary>
    public Lib0Reader(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, data.Length - count);
        this.data = data;
        position = offset;
        end = offset + count;
    }

    /// <summary>The number of unread bytes.</summary>
    public int Remaining => end - position;

    /// <summary>Whether any unread bytes remain.</summary>
    public bool HasMore => position < end;

    /// <summary>The offset of the next byte to read within the underlying array.</summary>
    public int Position => position;

    private static CrdtFormatException Truncated() => new("Unexpected end of input.");

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (position >= end)
        {
            throw Truncated();
        }

        return data[position++];
    }

    /// <summary>Reads <paramref name="count"/> raw bytes (a copy).</summary>
    public byte[] ReadRaw(int count)
    {
        if (count < 0 || count > end - position)
        {
            throw Truncated();
        }

        var result = data.AsSpan(position, count).ToArray();
        position += count;
        return result;
    }

    /// <summary>Reads an unsigned variable-length integer of at most 53 bits.</summary>
    public ulong ReadVarUInt()
    {
        ulong value = 0;
        var shift = 0;
        while (position < end)
        {
            ulong b = data[position++];
            if (shift < 56)
            {
                value |= (b & 0x7F) << shift;
            }
            else if ((b & 0x7F) != 0)
            {
                throw new CrdtFormatException("Integer exceeds 2^53 - 1.");
            }

            if (value > Lib0Writer.MaxSafeInteger)
            {
                throw new CrdtFormatException("Integer exceeds 2^53 - 1.");
            }

            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
            if (shift > 70)
            {
                throw new CrdtFormatException("Integer encoding is too long.");
            }
        }

        throw Truncated();
    }

    /// <summary>Reads an unsigned integer that must fit in 32 bits.</summary>
    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt();
        if (value > uint.MaxValue)
        {
            throw new CrdtFormatException("Integer exceeds 2^32 - 1.");
        }

        return (uint)value;
    }

    /// <summary>
    /// Reads a count of things that each take at least <paramref name="minimumBytesEach"/> bytes
    /// of the remaining input, and rejects counts the input cannot possibly hold.
    /// </summary>
    public int ReadCount(int minimumBytesEach = 1)
    {
        var value = ReadVarUInt();
        if (value > (ulong)Remaining / (ulong)Math.Max(minimumBytesEach, 1) && value > 0 && minimumBytesEach > 0)
        {
            throw new CrdtFormatException($"Count {value} exceeds what the remaining {Remaining} bytes can hold.");
        }

        return (int)Math.Min(value, int.MaxValue);
    }

    /// <summary>Reads a signed (sign and magnitude) variable-length integer.</summary>
    public long ReadVarInt() => ReadVarInt(out _);

    /// <summary>Reads a signed variable-length integer and reports whether it was written as −0.</summary>
    public long ReadVarInt(out bool negativeZero)
    {
        ulong b = ReadByte();
        var negative = (b & 0x40) != 0;
        ulong magnitude = b & 0x3F;
        var shift = 6;
        while ((b & 0x80) != 0)
        {
            if (position >= end)
            {
                throw Truncated();
            }

            b = data[position++];
            if (shift < 56)
            {
                magnitude |= (b & 0x7F) << shift;
            }
            else if ((b & 0x7F) != 0)
            {
                throw new CrdtFormatException("Integer exceeds 2^53 - 1.");
            }

            if (magnitude > Lib0Writer.MaxSafeInteger)
            {
                throw new CrdtFormatException("Integer exceeds 2^53 - 1.");
            }

            shift += 7;
            if (shift > 70)
            {
                throw new CrdtFormatException("Integer encoding is too long.");
            }
        }

        negativeZero = negative && magnitude == 0;
        return negative ? -(long)magnitude : (long)magnitude;
    }

    /// <summary>Reads a length-prefixed UTF-8 string. Invalid UTF-8 is rejected.</summary>
    public string ReadVarString()
    {
        var count = ReadVarUInt();
        if (count > (ulong)(end - position))
        {
            throw Truncated();
        }

        var n = (int)count;
        var start = position;
        position += n;
        if (n == 0)
        {
            return string.Empty;
        }

        try
        {
            return StrictUtf8.GetString(data, start, n);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new CrdtFormatException("String is not valid UTF-8.", e);
        }
    }

    /// <summary>Reads a length-prefixed byte array (a copy).</summary>
    public byte[] ReadVarBytes()
    {
        var count = ReadVarUInt();
        if (count > (ulong)(end - position))
        {
            throw Truncated();
        }

        return ReadRaw((int)count);
    }

    /// <summary>Reads a big-endian IEEE 754 single.</summary>
    public float ReadFloat32()
    {
        if (end - position < 4)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadSingleBigEndian(data.AsSpan(position, 4));
        position += 4;
        return value;
    }

    /// <summary>Reads a big-endian IEEE 754 double.</summary>
    public double ReadFloat64()
    {
        if (end - position < 8)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadDoubleBigEndian(data.AsSpan(position, 8));
        position += 8;
        return value;
    }

    /// <summary>Reads a big-endian two's complement 64-bit integer.</summary>
    public long ReadBigInt64()
    {
        if (end - position < 8)
        {
            throw Truncated();
        }

        var value = BinaryPrimitives.ReadInt64BigEndian(data.AsSpan(position, 8));
        position += 8;
        return value;
    }

    /// <summary>
    /// Reads a value in the lib0 <c>any</c> encoding. Results: <see langword="null"/>,
    /// <see cref="Undefined.Value"/>, <see cref="bool"/>, <see cref="string"/>, <see cref="long"/>
    /// (tag 125), <see cref="double"/> (tags 124 and 123, and −0), <see cref="BigInteger"/>,
    /// <see cref="byte"/> arrays, <see cref="Dictionary{TKey,TValue}"/> with string keys in the
    /// order read, and <see cref="List{T}"/> for arrays.
    /// </summary>
    public object? ReadAny() => ReadAny(0);

    private object? ReadAny(int depth)
    {
        if (depth > MaxAnyDepth)
        {
            throw new CrdtFormatException($"'any' value nested deeper than {MaxAnyDepth} levels.");
        }

        var tag = ReadByte();
        switch (tag)
        {
            case 127:
                return Undefined.Value;
            case 126:
                return null;
            case 125:
            {
                var value = ReadVarInt(out var negativeZero);
                return negativeZero ? -0.0 : (object)value;
            }
            case 124:
                return (double)ReadFloat32();
            case 123:
                return ReadFloat64();
            case 122:
                return new BigInteger(ReadBigInt64());
            case 121:
                return false;
            case 120:
                return true;
            case 119:
                return ReadVarString();
            case 118:
            {
                // Each entry takes at least two bytes: an empty key and a one-byte value.
                var count = ReadCount(2);
                var result = new Dictionary<string, object?>(Math.Min(count, 16));
                for (var i = 0; i < count; i++)
                {
                    var key = ReadVarString();
                    result[key] = ReadAny(depth + 1);
                }

                return result;
            }
            case 117:
            {
                var count = ReadCount(1);
                var result = new List<object?>(Math.Min(count, 16));
                for (var i = 0; i < count; i++)
                {
                    result.Add(ReadAny(depth + 1));
                }

                return result;
            }
            case 116:
                return ReadVarBytes();
            default:
                throw new CrdtFormatException($"Unknown 'any' tag {tag}.");
        }
    }
}
