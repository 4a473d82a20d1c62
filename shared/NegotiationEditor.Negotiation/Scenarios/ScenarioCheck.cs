using System.Text.Json;

namespace NegotiationEditor.Negotiation.Scenarios;

/// <summary>
/// Checks a scenario without a server: against the manifest (same amendments, proposers, supporters, opponents,
/// reservations, targets and words), against the transcript (quotes at the lines cited), and by walking its texts
/// (each edit and accepted amendment applied to plain strings must give every circulated version and the adopted text).
/// </summary>
public static class ScenarioCheck
{
    /// <summary>Every problem found; empty when the scenario is sound.</summary>
    public static IReadOnlyList<string> Problems(Scenario scenario, string transcriptPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        problems.AddRange(AgainstManifest(scenario));
        problems.AddRange(AgainstTranscript(scenario, transcriptPath));
        problems.AddRange(WalkTexts(scenario));
        return problems;
    }

    /// <summary>Differences between the scenario's amendments and the manifest's.</summary>
    public static IReadOnlyList<string> AgainstManifest(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(scenario.Folder, scenario.Manifest)));
        var manifest = json.RootElement.GetProperty("amendments").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        var proposals = scenario.Events.Where(e => e.Kind == EventKind.Propose).ToList();

        foreach (var duplicate in proposals.GroupBy(p => p.Amendment).Where(g => g.Count() > 1))
        {
            problems.Add($"amendment {duplicate.Key} is proposed {duplicate.Count()} times");
        }
        foreach (var id in manifest.Keys.Except(proposals.Select(p => p.Amendment!)))
        {
            problems.Add($"amendment {id} of the manifest is not in the scenario");
        }
        foreach (var id in proposals.Select(p => p.Amendment!).Except(manifest.Keys))
        {
            problems.Add($"amendment {id} is not in the manifest");
        }

        var versionOfDocument = new Dictionary<string, string>();
        var proposedSoFar = new HashSet<string>();
        foreach (var e in scenario.Events)
        {
            switch (e.Kind)
            {
                case EventKind.Table:
                    versionOfDocument[e.Document!] = e.Document!;
                    break;
                case EventKind.Circulate:
                    versionOfDocument[e.Document!] = e.Version!;
                    break;
                case EventKind.Propose when manifest.TryGetValue(e.Amendment!, out var recorded):
                    proposedSoFar.Add(e.Amendment!);
                    CheckProposal(e, recorded, versionOfDocument, problems);
                    break;
                case EventKind.Position or EventKind.Accept or EventKind.Reject when !proposedSoFar.Contains(e.Amendment!):
                    problems.Add($"{e.Kind} at {e.At} on amendment {e.Amendment} comes before its proposal");
                    break;
            }
        }

        foreach (var (id, recorded) in manifest)
        {
            var positions = scenario.Events.Where(e => e.Kind == EventKind.Position && e.Amendment == id).ToList();
            Compare(id, "supporters", Names(recorded, "supporters"), positions.Where(p => p.Position == "supports").Select(p => p.Delegation!), problems);
            Compare(id, "opponents", Names(recorded, "opponents"), positions.Where(p => p.Position == "objects").Select(p => p.Delegation!), problems);
            Compare(id, "reservations", Names(recorded, "reservations"), positions.Where(p => p.Position == "reserves").Select(p => p.Delegation!), problems);
            var decided = scenario.Events.Where(e => e.Amendment == id && e.Kind is EventKind.Accept or EventKind.Edit).ToList();
            var outcome = recorded.GetProperty("outcome").GetString();
            if (decided.Count > 0 && outcome != "accepted")
            {
                problems.Add($"amendment {id} is accepted in the scenario but its outcome is '{outcome}'");
            }
            if (decided.Count == 0 && outcome == "accepted" && scenario.Proposals.TryGetValue(id, out var p) && p.OffServer is null)
            {
                problems.Add($"amendment {id} was accepted but the scenario never accepts it");
            }
        }
        return problems;
    }

    private static void CheckProposal(ScenarioEvent e, JsonElement recorded, Dictionary<string, string> versionOfDocument, List<string> problems)
    {
        var id = e.Amendment!;
        Compare(id, "proposers", Names(recorded, "proposer"), e.Proposers, problems);
        if (!e.Proposers.SequenceEqual(Names(recorded, "proposer")))
        {
            problems.Add($"amendment {id}: proposers in another order than the manifest's");
        }
        var target = recorded.GetProperty("target").ValueKind == JsonValueKind.String ? recorded.GetProperty("target").GetString() : null;
        var current = e.Document is null ? null : versionOfDocument.GetValueOrDefault(e.Document);
        if (e.OffServer is null && current != target)
        {
            problems.Add($"amendment {id}: proposed on {e.Document} (then {current ?? "not tabled"}), the manifest's target is {target}");
        }
        if (e.OffServer is not null)
        {
            return;
        }
        var change = recorded.GetProperty("change");
        var original = change.GetProperty("original").ValueKind == JsonValueKind.String ? change.GetProperty("original").GetString() : null;
        var proposed = change.GetProperty("proposed").ValueKind == JsonValueKind.String ? change.GetProperty("proposed").GetString() : null;
        // A deleted word takes one of its spaces with it: "advisory " deletes the manifest's "advisory".
        if (original is not null && e.Find is not null && original != (e.ServerKind == "delete" ? e.Find.Trim(' ') : e.Find))
        {
            problems.Add($"amendment {id}: touches '{e.Find}', the manifest's original is '{original}'");
        }
        if (proposed is not null && !e.ProposedTexts.Any(text => text.Contains(proposed, StringComparison.Ordinal)))
        {
            problems.Add($"amendment {id}: no proposed text carries the manifest's '{proposed}'");
        }
    }

    private static IReadOnlyList<string> Names(JsonElement amendment, string field) =>
        amendment.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
            : [];

    private static void Compare(string id, string what, IEnumerable<string> expected, IEnumerable<string> actual, List<string> problems)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var have = actual.Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(have))
        {
            problems.Add($"amendment {id}: {what} [{string.Join(", ", have)}], the manifest says [{string.Join(", ", want)}]");
        }
    }

    /// <summary>Events whose lines lie outside the transcript or whose quote is not at the lines cited.</summary>
    public static IReadOnlyList<string> AgainstTranscript(Scenario scenario, string transcriptPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var lines = File.ReadAllLines(transcriptPath);
        var problems = new List<string>();
        var previous = TimeSpan.Zero;
        foreach (var e in scenario.Events)
        {
            if (e.Time < previous)
            {
                problems.Add($"{e.Kind} at {e.At} comes after an event at {previous:hh\\:mm}");
            }
            previous = e.Time;
            if (e.Lines.Any(line => line > lines.Length))
            {
                problems.Add($"{e.Kind} at {e.At} cites a line beyond the transcript's {lines.Length}");
                continue;
            }
            if (e.Quote is { } quote && !e.Lines.Any(line => lines[line - 1].Contains(quote, StringComparison.Ordinal)))
            {
                problems.Add($"{e.Kind} at {e.At}: '{quote}' is not at lines {string.Join(", ", e.Lines)}");
            }
        }
        return problems;
    }

    /// <summary>
    /// Plays the texts on plain strings: tabling, the accepted amendments and the chair's edits must turn each
    /// document into the versions circulated and adopted, exactly (bodies compared).
    /// </summary>
    public static IReadOnlyList<string> WalkTexts(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        var texts = new Dictionary<string, string>();
        var proposals = scenario.Proposals;
        foreach (var e in scenario.Events)
        {
            try
            {
                switch (e.Kind)
                {
                    case EventKind.Table:
                        texts[e.Document!] = scenario.ReadDraft(e.Draft!);
                        break;
                    case EventKind.Propose when e.OffServer is null:
                        TextOf(texts, e.Document!, e);
                        Locate(texts[e.Document!], e);
                        break;
                    case EventKind.Accept:
                        var proposal = proposals[e.Amendment!];
                        var (start, end) = Locate(TextOf(texts, proposal.Document!, e), proposal);
                        var text = texts[proposal.Document!];
                        texts[proposal.Document!] = text[..start] + (proposal.ProposedTexts.Count > 0 ? proposal.ProposedTexts[0] : "") + text[end..];
                        break;
                    case EventKind.Edit:
                        texts[e.Document!] = Apply(TextOf(texts, e.Document!, e), e.Replacements);
                        break;
                    case EventKind.Circulate or EventKind.Adopt:
                        var want = Scenario.Body(scenario.DraftOf(e.Version!));
                        var have = Scenario.Body(TextOf(texts, e.Document!, e));
                        if (want != have)
                        {
                            problems.Add($"{e.Kind} at {e.At}: the text of {e.Document} is not {e.Version}:\n{have}\n--- expected ---\n{want}");
                        }
                        break;
                }
            }
            catch (ScenarioException problem)
            {
                problems.Add($"{e.Kind} at {e.At}: {problem.Message}");
            }
        }
        return problems;
    }

    private static string TextOf(Dictionary<string, string> texts, string document, ScenarioEvent e) =>
        texts.TryGetValue(document, out var text) ? text : throw new ScenarioException($"{document} is not on the table at {e.At}");

    /// <summary>Where a proposal's words (or point) are in <paramref name="text"/>: start and end, end exclusive.</summary>
    /// <exception cref="ScenarioException">The words do not occur exactly once.</exception>
    public static (int Start, int End) Locate(string text, ScenarioEvent proposal)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.Find is { } find)
        {
            var at = Once(text, find);
            return (at, at + find.Length);
        }
        if (proposal.InsertAfter is { } after)
        {
            var at = Once(text, after) + after.Length;
            return (at, at);
        }
        var before = Once(text, proposal.InsertBefore!);
        return (before, before);
    }

    /// <summary>Applies the replacements in order.</summary>
    /// <exception cref="ScenarioException">A replacement's words do not occur exactly once.</exception>
    public static string Apply(string text, IEnumerable<Replacement> replacements)
    {
        ArgumentNullException.ThrowIfNull(replacements);
        foreach (var replacement in replacements)
        {
            var at = Once(text, replacement.Find);
            text = text[..at] + replacement.Replace + text[(at + replacement.Find.Length)..];
        }
        return text;
    }

    /// <summary>The index of the only occurrence of <paramref name="words"/>.</summary>
    /// <exception cref="ScenarioException">None, or more than one.</exception>
    public static int Once(string text, string words)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(words);
        var at = text.IndexOf(words, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ScenarioException($"'{words}' is not in the text");
        }
        if (text.IndexOf(words, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ScenarioException($"'{words}' occurs more than once in the text");
        }
        return at;
    }
}
