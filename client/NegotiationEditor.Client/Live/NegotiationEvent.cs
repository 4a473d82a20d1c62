using System.Text.Json;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Live;

/// <summary>
/// A workflow change pushed by the hub (client method <c>Negotiation</c>): amendment proposed, position taken,
/// revision circulated, text adopted ... <see cref="Json"/> is the whole event as sent; unknown kinds mean "refresh".
/// </summary>
public sealed record NegotiationEvent(string Event, string DocumentId, long Sequence, string Description, Amendment? Amendment, string Json)
{
    internal static NegotiationEvent? TryRead(string json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var amendment = root.TryGetProperty("amendment", out var found) && found.ValueKind == JsonValueKind.Object
                ? found.Deserialize<Amendment>(NegotiationApi.Json)
                : null;
            return new NegotiationEvent(
                StringOf(root, "event"),
                StringOf(root, "documentId"),
                root.TryGetProperty("sequence", out var sequence) && sequence.TryGetInt64(out var number) ? number : 0,
                StringOf(root, "description"),
                amendment,
                json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StringOf(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
