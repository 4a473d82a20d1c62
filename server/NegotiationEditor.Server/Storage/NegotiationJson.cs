using System.Text.Json;
using System.Text.Json.Serialization;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Storage;

/// <summary>The negotiation's state as JSON, the form in which it is stored.</summary>
public static class NegotiationJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The state as JSON text.</summary>
    public static string Write(NegotiationState negotiation) => JsonSerializer.Serialize(negotiation, Options);

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    /// <exception cref="JsonException">The text is not a stored negotiation.</exception>
    public static NegotiationState Read(string json) =>
        JsonSerializer.Deserialize<NegotiationState>(json, Options) ?? throw new JsonException("The stored negotiation is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ParagraphIdConverter());
        return options;
    }

    private sealed class ParagraphIdConverter : JsonConverter<ParagraphId>
    {
        public override ParagraphId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("A paragraph id is missing."));

        public override void Write(Utf8JsonWriter writer, ParagraphId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value);
    }
}
