using System.Text.Json;
using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// The y-protocols awareness update encoding:
/// <c>varuint n ‖ (varuint clientId ‖ varuint clock ‖ string json) × n</c>, where a missing state is
/// the JSON text <c>null</c>.
/// </summary>
public static class AwarenessUpdate
{
    private const string NullJson = "null";

    /// <summary>Encodes entries in the order given.</summary>
    /// <exception cref="ArgumentException">A state is not valid JSON.</exception>
    public static byte[] Write(IEnumerable<AwarenessEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var writer = new Lib0Writer();
        writer.WriteVarUInt((ulong)list.Count);
        foreach (var entry in list)
        {
            if (entry.StateJson is not null && !IsJson(entry.StateJson, out _))
            {
                throw new ArgumentException($"The state of awareness client {entry.ClientId} is not valid JSON.", nameof(entries));
            }
            writer.WriteVarUInt(entry.ClientId);
            writer.WriteVarUInt(entry.Clock);
            writer.WriteVarString(entry.StateJson ?? NullJson);
        }
        return writer.ToArray();
    }

    /// <summary>
    /// Decodes a whole awareness update. Every state must be valid JSON; the JSON text <c>null</c>
    /// becomes a <see langword="null"/> state, any other text is kept exactly as received.
    /// </summary>
    /// <exception cref="CrdtFormatException">The update is truncated, holds invalid JSON or has bytes left over.</exception>
    public static IReadOnlyList<AwarenessEntry> Read(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var reader = new Lib0Reader(update);
        // Each entry takes at least three bytes: client id, clock and a one-byte JSON text.
        var count = reader.ReadCount(3);
        var entries = new List<AwarenessEntry>(Math.Min(count, 64));
        for (var i = 0; i < count; i++)
        {
            var clientId = reader.ReadVarUInt();
            var clock = reader.ReadVarUInt();
            var json = reader.ReadVarString();
            if (!IsJson(json, out var isNull))
            {
                throw new CrdtFormatException($"The awareness state of client {clientId} is not valid JSON.");
            }
            entries.Add(new AwarenessEntry(clientId, clock, isNull ? null : json));
        }
        if (reader.HasMore)
        {
            throw new CrdtFormatException($"Awareness update is followed by {reader.Remaining} unexpected bytes.");
        }
        return entries;
    }

    /// <summary>Whether the text is one JSON value (as JavaScript's JSON.parse accepts), and whether that value is null.</summary>
    internal static bool IsJson(string text, out bool isNull)
    {
        isNull = false;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = Lib0Reader.MaxAnyDepth });
            isNull = document.RootElement.ValueKind == JsonValueKind.Null;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
