using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegotiationEditor.Negotiation.Scenarios;

/// <summary>
/// A negotiation day as timed events (samples/.../scenario.json): who joined, each text tabled, each amendment proposed,
/// each position taken, each version circulated, the adoption; every event cites the transcript lines it comes from.
/// </summary>
/// <param name="Title">The negotiation's title.</param>
/// <param name="MeetingDate">The day of the meeting (ISO 8601).</param>
/// <param name="Transcript">Where the transcript is, relative to the repository's root.</param>
/// <param name="Manifest">The sample's manifest file, beside the scenario.</param>
/// <param name="Participants">Who takes part.</param>
/// <param name="Events">The events in the order they are played.</param>
public sealed record Scenario(
    string Title,
    string MeetingDate,
    string Transcript,
    string Manifest,
    IReadOnlyList<ScenarioParticipant> Participants,
    IReadOnlyList<ScenarioEvent> Events)
{
    /// <summary>The name the scenario gives the chair; the chair holds no delegation.</summary>
    public const string Chair = "Chair";

    /// <summary>The folder the scenario was read from (drafts and manifest are beside it).</summary>
    [JsonIgnore]
    public string Folder { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads a scenario file.</summary>
    /// <exception cref="ScenarioException">The file is missing or is not a scenario.</exception>
    public static Scenario Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"cannot read the scenario {path}: {e.Message}");
        }

        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(text, Json);
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{path} is not a scenario: {e.Message}");
        }

        if (scenario is null || scenario.Participants is null || scenario.Events is null || scenario.Events.Count == 0)
        {
            throw new ScenarioException($"{path} is not a scenario: it needs participants and events");
        }

        for (var i = 0; i < scenario.Events.Count; i++)
        {
            if (scenario.Events[i].Problem() is { } problem)
            {
                throw new ScenarioException($"{path}: event {i + 1} ({scenario.Events[i].Kind} at {scenario.Events[i].At}): {problem}");
            }
        }

        return scenario with { Folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "." };
    }

    /// <summary>The text of a draft file beside the scenario.</summary>
    public string ReadDraft(string file) => File.ReadAllText(Path.Combine(Folder, file));

    /// <summary>The file of a version of the manifest (its id plus <c>.md</c>).</summary>
    public string DraftOf(string version) => ReadDraft(version + ".md");

    /// <summary>A draft's body: what follows its front matter (title and paragraphs), compared exactly.</summary>
    public static string Body(string draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!draft.StartsWith("---\n", StringComparison.Ordinal))
        {
            return draft.TrimStart('\n');
        }
        var end = draft.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        return end < 0 ? draft : draft[(end + 5)..].TrimStart('\n');
    }

    /// <summary>The amendments the scenario proposes, by their manifest id.</summary>
    public IReadOnlyDictionary<string, ScenarioEvent> Proposals =>
        Events.Where(e => e.Kind == EventKind.Propose).ToDictionary(e => e.Amendment!, StringComparer.Ordinal);
}

/// <summary>A participant: the chair, the secretariat or the delegate of one delegation.</summary>
/// <param name="Name">The name used by the events (a delegation's name for delegates).</param>
/// <param name="Role">chair, secretariat, memberStateDelegate or stakeholder.</param>
/// <param name="Delegation">The delegation's name as the server knows it, or null.</param>
public sealed record ScenarioParticipant(string Name, string Role, string? Delegation);

/// <summary>What happens at an event.</summary>
public static class EventKind
{
    /// <summary>A participant connects.</summary>
    public const string Join = "join";
    /// <summary>A text is put on the table (a new document, or the seeded one).</summary>
    public const string Table = "table";
    /// <summary>A delegation, or the chair, proposes an amendment.</summary>
    public const string Propose = "propose";
    /// <summary>A delegation takes a position on an amendment (the chair takes none: such an event is recorded, not played).</summary>
    public const string Position = "position";
    /// <summary>The chair accepts an amendment.</summary>
    public const string Accept = "accept";
    /// <summary>The chair rejects an amendment.</summary>
    public const string Reject = "reject";
    /// <summary>The chair drafts on screen.</summary>
    public const string Edit = "edit";
    /// <summary>A version is printed and circulated.</summary>
    public const string Circulate = "circulate";
    /// <summary>The text is adopted.</summary>
    public const string Adopt = "adopt";

    /// <summary>Every kind.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>([Join, Table, Propose, Position, Accept, Reject, Edit, Circulate, Adopt]);
}

/// <summary>One find-and-replace of the chair's on-screen drafting: <see cref="Find"/> occurs exactly once.</summary>
/// <param name="Find">The words replaced.</param>
/// <param name="Replace">What the chair types instead (empty: a deletion).</param>
public sealed record Replacement(string Find, string Replace);

/// <summary>One event of the day; which fields are set depends on <see cref="Kind"/>.</summary>
public sealed record ScenarioEvent
{
    /// <summary>Time of day, HH:mm.</summary>
    public required string At { get; init; }
    /// <summary>One of <see cref="EventKind"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The transcript lines (1-based) the event comes from.</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];
    /// <summary>The transcript's words, when quoted.</summary>
    public string? Quote { get; init; }
    /// <summary>Why the event is read this way, where the transcript leaves room for doubt.</summary>
    public string? Note { get; init; }
    /// <summary>join: who.</summary>
    public string? Participant { get; init; }
    /// <summary>table, edit, accept, reject, circulate, adopt: who acts.</summary>
    public string? By { get; init; }
    /// <summary>The document (the manifest id of the version it was tabled as).</summary>
    public string? Document { get; init; }
    /// <summary>table: the draft file.</summary>
    public string? Draft { get; init; }
    /// <summary>table: the document's title.</summary>
    public string? Title { get; init; }
    /// <summary>table: the document symbol.</summary>
    public string? Symbol { get; init; }
    /// <summary>table: who the manifest says tabled it.</summary>
    public IReadOnlyList<string> TabledBy { get; init; } = [];
    /// <summary>table: the document is the one the server seeded (it is found, not tabled).</summary>
    public bool Seeded { get; init; }
    /// <summary>propose, position, accept, reject, edit: the manifest id of the amendment.</summary>
    public string? Amendment { get; init; }
    /// <summary>propose: the proposers as the manifest names them; the first proposes (a delegation, or the Chair for a
    /// chair's proposal), the others co-sponsor.</summary>
    public IReadOnlyList<string> Proposers { get; init; } = [];
    /// <summary>propose: why the amendment is not sent to the server (null when it is).</summary>
    public string? OffServer { get; init; }
    /// <summary>propose: the server's kind (insert, delete, replace, alternatives, newParagraph, deleteParagraph).</summary>
    public string? ServerKind { get; init; }
    /// <summary>propose: the words the amendment touches (occurring once in the text).</summary>
    public string? Find { get; init; }
    /// <summary>propose: a point just after these words.</summary>
    public string? InsertAfter { get; init; }
    /// <summary>propose: a point just before these words.</summary>
    public string? InsertBefore { get; init; }
    /// <summary>propose: the proposed texts as sent.</summary>
    public IReadOnlyList<string> ProposedTexts { get; init; } = [];
    /// <summary>position: the delegation.</summary>
    public string? Delegation { get; init; }
    /// <summary>position: supports, objects, reserves or canLiveWith.</summary>
    public string? Position { get; init; }
    /// <summary>edit: the replacements, in order.</summary>
    public IReadOnlyList<Replacement> Replacements { get; init; } = [];
    /// <summary>circulate, adopt: the manifest version the text must equal.</summary>
    public string? Version { get; init; }

    /// <summary>The time of day.</summary>
    public TimeSpan Time => TimeSpan.TryParseExact(At, @"hh\:mm", null, out var time) ? time : TimeSpan.Zero;

    /// <summary>What is missing or wrong in this event, or null.</summary>
    public string? Problem()
    {
        if (!EventKind.All.Contains(Kind))
        {
            return $"unknown kind '{Kind}'";
        }
        if (!TimeSpan.TryParseExact(At, @"hh\:mm", null, out _))
        {
            return $"'{At}' is not a time of day (HH:mm)";
        }
        if (Lines.Count == 0 || Lines.Any(line => line < 1))
        {
            return "it cites no transcript line";
        }
        return Kind switch
        {
            EventKind.Join when string.IsNullOrEmpty(Participant) => "a join names its participant",
            EventKind.Table when Document is null || Draft is null || Symbol is null || By is null => "a table event names the document, draft, symbol and who tables it",
            EventKind.Propose when Amendment is null => "a proposal names its amendment",
            EventKind.Propose when OffServer is null && (Document is null || ServerKind is null || Proposers.Count == 0) =>
                "a proposal sent to the server names its document, its kind and who proposes it",
            EventKind.Propose when Proposers.Skip(1).Contains(Scenario.Chair) =>
                "the Chair is named first when it proposes: the delegations after it are co-sponsors",
            EventKind.Propose when OffServer is null && (Find is null) == (InsertAfter is null && InsertBefore is null) =>
                "a proposal anchors either words (find) or a point (insertAfter or insertBefore)",
            EventKind.Position when Amendment is null || Delegation is null || Position is null => "a position names the amendment, the delegation and the position",
            EventKind.Accept or EventKind.Reject when Amendment is null || By is null => "an accept or reject names the amendment and who decides",
            EventKind.Edit when Document is null || By is null || Replacements.Count == 0 => "an edit names the document, who drafts and the replacements",
            EventKind.Circulate or EventKind.Adopt when Document is null || By is null || Version is null => "names the document, who acts and the version",
            _ => null,
        };
    }
}

/// <summary>A scenario that cannot be read or played; the message says why.</summary>
/// <param name="message">Why, in one sentence.</param>
public sealed class ScenarioException(string message) : Exception(message);
