using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// Renders a redline as JSON (System.Text.Json), in this shape:
/// <code>
/// { "format": "negotiation-editor/redline", "version": 1,
///   "old": { "symbol": "...", "date": "..." }, "new": { "symbol": null, "date": null },
///   "summary": { "unchanged": 3, "changed": 1, "inserted": 1, "deleted": 0, "moved": 1 },
///   "title": null | PARAGRAPH,
///   "paragraphs": [ PARAGRAPH, ... ],
///   "rows": [ { "status": "changed", "old": CELL | null, "new": CELL | null }, ... ]   (side-by-side only)
/// }
/// PARAGRAPH = { "status": "unchanged|changed|inserted|deleted|moved", "oldPosition": 0 | null,
///               "newPosition": 0 | null, "oldId": "op-1" | null, "newId": "op-1" | null,
///               "runs": [ { "kind": "unchanged|inserted|deleted", "text": "..." }, ... ] }
/// CELL = { "id": "op-1" | null, "position": 0, "runs": [ ... ] }
/// </code>
/// Positions are 0-based indexes in each draft.
/// </summary>
public static class JsonRedlineRenderer
{
    /// <summary>The value of the <c>format</c> property.</summary>
    public const string Format = "negotiation-editor/redline";

    /// <summary>The value of the <c>version</c> property.</summary>
    public const int Version = 1;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>The redline as a JSON document; with <paramref name="sideBySide"/>, also its side-by-side rows.</summary>
    public static string Render(Redline redline, bool sideBySide = false, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(redline);
        using var buffer = new MemoryStream();
        Render(redline, buffer, sideBySide, indented);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the redline as UTF-8 JSON to <paramref name="output"/>.</summary>
    public static void Render(Redline redline, Stream output, bool sideBySide = false, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(redline);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = indented, Encoder = Encoder });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        WriteHeading(json, "old", redline.Old);
        WriteHeading(json, "new", redline.New);
        json.WriteStartObject("summary");
        foreach (var status in Enum.GetValues<ParagraphStatus>())
        {
            json.WriteNumber(NameOf(status), redline.Count(status));
        }

        json.WriteEndObject();
        json.WritePropertyName("title");
        if (redline.Title is { } title)
        {
            WriteParagraph(json, title);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("paragraphs");
        foreach (var paragraph in redline.Paragraphs)
        {
            WriteParagraph(json, paragraph);
        }

        json.WriteEndArray();
        if (sideBySide)
        {
            json.WriteStartArray("rows");
            foreach (var row in redline.ToSideBySide().Rows)
            {
                json.WriteStartObject();
                json.WriteString("status", NameOf(row.Status));
                WriteCell(json, "old", row.Old);
                WriteCell(json, "new", row.New);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The JSON name of a status: "unchanged", "changed", "inserted", "deleted", "moved".</summary>
    public static string NameOf(ParagraphStatus status) => status switch
    {
        ParagraphStatus.Unchanged => "unchanged",
        ParagraphStatus.Changed => "changed",
        ParagraphStatus.Inserted => "inserted",
        ParagraphStatus.Deleted => "deleted",
        ParagraphStatus.Moved => "moved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown paragraph status"),
    };

    /// <summary>The JSON name of a run kind: "unchanged", "inserted", "deleted".</summary>
    public static string NameOf(RunKind kind) => kind switch
    {
        RunKind.Unchanged => "unchanged",
        RunKind.Inserted => "inserted",
        RunKind.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown run kind"),
    };

    private static void WriteHeading(Utf8JsonWriter json, string name, RedlineHeading heading)
    {
        json.WriteStartObject(name);
        WriteStringOrNull(json, "symbol", heading.Symbol);
        WriteStringOrNull(json, "date", heading.Date);
        json.WriteEndObject();
    }

    private static void WriteParagraph(Utf8JsonWriter json, RedlineParagraph paragraph)
    {
        json.WriteStartObject();
        json.WriteString("status", NameOf(paragraph.Status));
        WriteNumberOrNull(json, "oldPosition", paragraph.OldPosition);
        WriteNumberOrNull(json, "newPosition", paragraph.NewPosition);
        WriteStringOrNull(json, "oldId", paragraph.OldId);
        WriteStringOrNull(json, "newId", paragraph.NewId);
        WriteRuns(json, paragraph.Runs);
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, string name, SideBySideCell? cell)
    {
        if (cell is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        WriteStringOrNull(json, "id", cell.Id);
        json.WriteNumber("position", cell.Position);
        WriteRuns(json, cell.Runs);
        json.WriteEndObject();
    }

    private static void WriteRuns(Utf8JsonWriter json, IReadOnlyList<RedlineRun> runs)
    {
        json.WriteStartArray("runs");
        foreach (var run in runs)
        {
            json.WriteStartObject();
            json.WriteString("kind", NameOf(run.Kind));
            json.WriteString("text", run.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
