using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace NegotiationEditor.Crdt.Encoding;

/// <summary>
/// JSON text exactly as JavaScript's <c>JSON.stringify</c> writes it and <c>JSON.parse</c> reads it,
/// with the same value model as the lib0 <c>any</c> encoding. Yjs stores the JSON, Embed and
/// Format contents of update format V1 as such text.
/// </summary>
public static class JsJson
{
    /// <summary>Writes <paramref name="value"/> as <c>JSON.stringify</c> would (undefined inside arrays becomes null).</summary>
    public static string Stringify(object? value)
    {
        var builder = new StringBuilder();
        if (!Write(builder, value, 0))
        {
            return "undefined";
        }

        return builder.ToString();
    }

    /// <summary>Parses JSON text; objects keep their key order, integral numbers become <see cref="long"/>.</summary>
    /// <exception cref="CrdtFormatException">The text is not valid JSON.</exception>
    public static object? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = Lib0Reader.MaxAnyDepth });
            return Convert(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new CrdtFormatException("Invalid JSON text in update.", e);
        }
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
            {
                var d = element.GetDouble();
                if (Math.Floor(d) == d && Math.Abs(d) <= 9007199254740991.0 && !(d == 0 && double.IsNegative(d)))
                {
                    return (long)d;
                }

                return d;
            }
            case JsonValueKind.Array:
            {
                var list = new List<object?>();
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Convert(item));
                }

                return list;
            }
            case JsonValueKind.Object:
            {
                var entries = new List<KeyValuePair<string, object?>>();
                var seen = new Dictionary<string, int>();
                foreach (var property in element.EnumerateObject())
                {
                    var value = Convert(property.Value);
                    if (seen.TryGetValue(property.Name, out var at))
                    {
                        entries[at] = new KeyValuePair<string, object?>(property.Name, value);
                    }
                    else
                    {
                        seen[property.Name] = entries.Count;
                        entries.Add(new KeyValuePair<string, object?>(property.Name, value));
                    }
                }

                var result = new Dictionary<string, object?>(entries.Count);
                foreach (var entry in JsPropertyOrder.Order(entries))
                {
                    result[entry.Key] = entry.Value;
                }

                return result;
            }
            default:
                throw new CrdtFormatException("Unsupported JSON value.");
        }
    }

    /// <summary>Writes a value; returns false when the value is undefined (JSON has no text for it).</summary>
    private static bool Write(StringBuilder builder, object? value, int depth)
    {
        if (depth > Lib0Reader.MaxAnyDepth)
        {
            throw new ArgumentException("Value is nested too deeply for JSON.");
        }

        switch (value)
        {
            case null:
                builder.Append("null");
                return true;
            case Undefined:
                return false;
            case bool b:
                builder.Append(b ? "true" : "false");
                return true;
            case string s:
                WriteString(builder, s);
                return true;
            case int or long or short or sbyte or byte or ushort or uint:
                builder.Append(System.Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                return true;
            case ulong ul:
                builder.Append(FormatNumber(ul));
                return true;
            case double d:
                builder.Append(double.IsFinite(d) ? FormatNumber(d) : "null");
                return true;
            case float f:
                builder.Append(float.IsFinite(f) ? FormatNumber(f) : "null");
                return true;
            case decimal m:
                builder.Append(FormatNumber((double)m));
                return true;
            case BigInteger:
                throw new ArgumentException("JSON cannot hold a bigint.");
            case byte[] bytes:
                // A Uint8Array stringifies as an object keyed by index.
                builder.Append('{');
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append('"').Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":").Append(bytes[i].ToString(CultureInfo.InvariantCulture));
                }

                builder.Append('}');
                return true;
            case IEnumerable<KeyValuePair<string, object?>> entries:
                WriteObject(builder, entries, depth);
                return true;
            case IDictionary dictionary:
            {
                var list = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry entry in dictionary)
                {
                    list.Add(new KeyValuePair<string, object?>(entry.Key.ToString() ?? string.Empty, entry.Value));
                }

                WriteObject(builder, list, depth);
                return true;
            }
            case IEnumerable sequence:
            {
                builder.Append('[');
                var first = true;
                foreach (var item in sequence)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    if (!Write(builder, item, depth + 1))
                    {
                        builder.Append("null");
                    }
                }

                builder.Append(']');
                return true;
            }
            default:
                throw new ArgumentException($"A value of type {value.GetType().Name} has no JSON form.");
        }
    }

    private static void WriteObject(StringBuilder builder, IEnumerable<KeyValuePair<string, object?>> entries, int depth)
    {
        builder.Append('{');
        var first = true;
        foreach (var entry in JsPropertyOrder.Order(entries))
        {
            if (entry.Value is Undefined)
            {
                continue;
            }

            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            WriteString(builder, entry.Key);
            builder.Append(':');
            Write(builder, entry.Value, depth + 1);
        }

        builder.Append('}');
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        builder.Append(c).Append(s[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    /// <summary>Formats a finite number as JavaScript's <c>Number.prototype.toString()</c> does.</summary>
    public static string FormatNumber(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var negative = value < 0;
        // Shortest round-trip digits come from "R"; split them into digits and exponent.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        var e = shortest.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? shortest[..e] : shortest;
        var exp = e >= 0 ? int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.');
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        // n: position of the decimal point relative to the first significant digit.
        exponent = intPart.Length - leadingZeros + exp;
        var k = digits.Length;
        var n = exponent;
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var shown = n - 1;
            builder.Append(digits[0]);
            if (k > 1)
            {
                builder.Append('.').Append(digits, 1, k - 1);
            }

            builder.Append('e').Append(shown >= 0 ? "+" : "-").Append(Math.Abs(shown).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
