using System.Numerics;
using System.Text.Json;
using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Tests.Golden;

/// <summary>The golden vectors file, read once.</summary>
internal static class GoldenVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Golden", "yjs-golden-vectors.json"))));

    public static IEnumerable<JsonElement> Cases => Document.Value.RootElement.GetProperty("cases").EnumerateArray();

    public static JsonElement Case(string name) => Cases.First(c => c.GetProperty("name").GetString() == name);

    public static byte[] Artifact(string caseName, string label) => Artifact(Case(caseName), label);

    public static byte[] Artifact(JsonElement testCase, string label)
    {
        foreach (var artifact in testCase.GetProperty("artifacts").EnumerateArray())
        {
            if (artifact.GetProperty("label").GetString() == label)
            {
                return Convert.FromHexString(artifact.GetProperty("hex").GetString()!);
            }
        }

        throw new ArgumentException($"No artifact {label} in case {testCase.GetProperty("name").GetString()}.");
    }

    public static IEnumerable<(string Case, string Label, string Kind, byte[] Bytes)> Artifacts()
    {
        foreach (var c in Cases)
        {
            foreach (var artifact in c.GetProperty("artifacts").EnumerateArray())
            {
                yield return (c.GetProperty("name").GetString()!, artifact.GetProperty("label").GetString()!,
                    artifact.GetProperty("kind").GetString()!, Convert.FromHexString(artifact.GetProperty("hex").GetString()!));
            }
        }
    }

    /// <summary>Turns an expected JSON value into the plain values the library returns.</summary>
    public static object? ToPlain(JsonElement element)
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
                return element.TryGetInt64(out var l) ? l : element.GetDouble();
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(ToPlain).ToList();
            default:
            {
                if (element.TryGetProperty("$undefined", out _))
                {
                    return Undefined.Value;
                }

                if (element.TryGetProperty("$bigint", out var big))
                {
                    return BigInteger.Parse(big.GetString()!);
                }

                if (element.TryGetProperty("$bytes", out var bytes))
                {
                    return Convert.FromHexString(bytes.GetString()!);
                }

                if (element.TryGetProperty("$subdoc", out var subdoc))
                {
                    return new SubdocMarker(subdoc.GetString()!);
                }

                if (element.TryGetProperty("$number", out var number))
                {
                    return number.GetString() switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        "-0" => -0.0,
                        var other => throw new ArgumentException(other),
                    };
                }

                var result = new Dictionary<string, object?>();
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = ToPlain(property.Value);
                }

                return result;
            }
        }
    }

    internal sealed record SubdocMarker(string Guid);

    /// <summary>Structural equality that tells −0 from 0 and NaN equal to NaN, as the vectors need.</summary>
    public static bool Same(object? expected, object? actual)
    {
        switch (expected)
        {
            case null:
                return actual == null;
            case SubdocMarker marker:
                return actual is YDoc doc && doc.Guid == marker.Guid;
            case double d when double.IsNaN(d):
                return actual is double a && double.IsNaN(a);
            case double d when d == 0 && double.IsNegative(d):
                return actual is double z && z == 0 && double.IsNegative(z);
            case long or double:
                return actual is long or double && Convert.ToDouble(expected) == Convert.ToDouble(actual)
                    && !(actual is double ad && ad == 0 && double.IsNegative(ad));
            case byte[] bytes:
                return actual is byte[] other && bytes.AsSpan().SequenceEqual(other);
            case Dictionary<string, object?> map:
                return actual is IDictionary<string, object?> actualMap && actualMap.Count == map.Count
                    && map.All(e => actualMap.TryGetValue(e.Key, out var v) && Same(e.Value, v));
            case List<object?> list:
                return actual is IReadOnlyList<object?> actualList && actualList.Count == list.Count
                    && list.Select((e, i) => Same(e, actualList[i])).All(x => x);
            default:
                return Equals(expected, actual);
        }
    }
}
