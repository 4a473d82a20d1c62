using NegotiationEditor.Negotiation.Scenarios;
using System.Net.Http.Json;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Cli.Replay;

/// <summary>How a replay runs.</summary>
/// <param name="Speed">How many times faster than the day (0: no waiting).</param>
/// <param name="Progress">Told after each event (its number, the count, the event).</param>
public sealed record ReplayOptions(double Speed, Action<int, int, ScenarioEvent>? Progress = null);

/// <summary>
/// Plays a scenario against a running server: each participant with its own invite, its own REST client and its own
/// hub connection; the chair's on-screen drafting goes through the chair's live document. Then verifies the result.
/// </summary>
public sealed class ScenarioPlayer : IAsyncDisposable
{
    private readonly Scenario _scenario;
    private readonly ReplayInvites _invites;
    private readonly ReplayOptions _options;
    private readonly Dictionary<string, NegotiationApi> _apis = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Participant, string Document), LiveDocument> _live = [];
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seeded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _amendments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _delegations = new(StringComparer.Ordinal);
    private readonly List<(ScenarioEvent Event, string Label)> _circulated = [];
    private readonly List<string> _notPlayed = [];
    private readonly Dictionary<string, string> _participantIds = new(StringComparer.Ordinal);

    /// <summary>A player for <paramref name="scenario"/> with the participants' <paramref name="invites"/>.</summary>
    public ScenarioPlayer(Scenario scenario, ReplayInvites invites, ReplayOptions options)
    {
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _invites = invites ?? throw new ArgumentNullException(nameof(invites));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Plays every event, then verifies; a refusal of the server stops the replay with a <see cref="ScenarioException"/>.</summary>
    public async Task<ReplayVerification> PlayAsync(CancellationToken cancellation = default)
    {
        await PreflightAsync(cancellation).ConfigureAwait(false);
        var events = _scenario.Events;
        var previous = events[0].Time;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (_options.Speed > 0 && e.Time > previous)
            {
                await Task.Delay((e.Time - previous) / _options.Speed, cancellation).ConfigureAwait(false);
            }
            previous = e.Time;
            try
            {
                await PlayAsync(e, cancellation).ConfigureAwait(false);
            }
            catch (Exception problem) when (problem is NegotiationApiException or LiveDocumentException or HttpRequestException)
            {
                throw new ScenarioException($"event {i + 1} ({e.Kind} at {e.At}, lines {string.Join(", ", e.Lines)}) was refused: {problem.Message}");
            }
            _options.Progress?.Invoke(i + 1, events.Count, e);
        }
        return await VerifyAsync(cancellation).ConfigureAwait(false);
    }

    private async Task PlayAsync(ScenarioEvent e, CancellationToken cancellation)
    {
        switch (e.Kind)
        {
            case EventKind.Join:
                await JoinAsync(e.Participant!, cancellation).ConfigureAwait(false);
                break;
            case EventKind.Table:
                await TableAsync(e, cancellation).ConfigureAwait(false);
                break;
            case EventKind.Propose:
                await ProposeAsync(e, cancellation).ConfigureAwait(false);
                break;
            case EventKind.Position:
                if (e.Delegation == Scenario.Chair || !_amendments.TryGetValue(e.Amendment!, out var amendment))
                {
                    _notPlayed.Add($"{e.Delegation} {e.Position} {e.Amendment} (line {string.Join(", ", e.Lines)}): "
                        + (e.Delegation == Scenario.Chair ? "the chair takes no position (it holds no delegation)" : "the amendment is not on the server"));
                    break;
                }
                var proposal = _scenario.Proposals[e.Amendment!];
                await Patiently(() => Api(e.Delegation!).TakePositionAsync(Document(proposal.Document!), amendment, _delegations[e.Delegation!], e.Position!, e.Quote ?? "", cancellation), cancellation).ConfigureAwait(false);
                break;
            case EventKind.Accept:
                var accepted = _scenario.Proposals[e.Amendment!];
                await Patiently(() => Api(e.By!).AcceptAsync(Document(accepted.Document!), _amendments[e.Amendment!], cancellation: cancellation), cancellation).ConfigureAwait(false);
                break;
            case EventKind.Reject:
                var rejected = _scenario.Proposals[e.Amendment!];
                await Patiently(() => Api(e.By!).RejectAsync(Document(rejected.Document!), _amendments[e.Amendment!], cancellation), cancellation).ConfigureAwait(false);
                break;
            case EventKind.Edit:
                await EditAsync(e, cancellation).ConfigureAwait(false);
                break;
            case EventKind.Circulate:
                var revision = await Patiently(() => Api(e.By!).CirculateRevisionAsync(Document(e.Document!), cancellation), cancellation).ConfigureAwait(false);
                _circulated.Add((e, revision.Label));
                break;
            case EventKind.Adopt:
                await Patiently(() => Api(e.By!).AdoptAsync(Document(e.Document!), cancellation), cancellation).ConfigureAwait(false);
                break;
        }
    }

    private async Task JoinAsync(string name, CancellationToken cancellation)
    {
        var participant = _scenario.Participants.FirstOrDefault(p => p.Name == name)
            ?? throw new ScenarioException($"{name} joins but is not among the scenario's participants");
        var api = new NegotiationApi(_invites.For(participant));
        _apis[name] = api;
        var me = await Patiently(() => api.GetMeAsync(cancellation), cancellation).ConfigureAwait(false);
        _participantIds[name] = me.ParticipantId;
        if (participant.Delegation is { } delegation)
        {
            if (me.Delegation?.Name != delegation)
            {
                throw new ScenarioException($"the invite for {name} is {me.Name}'s ({me.Delegation?.Name ?? "no delegation"})");
            }
            _delegations[name] = me.Delegation.Id;
        }
        // Everyone has the seeded text on screen from the start; other texts are opened by who tables or drafts them.
        foreach (var seeded in _seeded.Values)
        {
            await ConnectAsync(name, seeded, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before anything is written: every participant has an invite, the seeded documents are on the server as seeded,
    /// and no symbol the scenario tables is taken (a replay needs a freshly seeded server).
    /// </summary>
    private async Task PreflightAsync(CancellationToken cancellation)
    {
        foreach (var participant in _scenario.Participants)
        {
            _invites.For(participant);
        }
        var chairParticipant = _scenario.Participants.FirstOrDefault(p => p.Role == "chair")
            ?? throw new ScenarioException("the scenario has no chair");
        using var chair = new NegotiationApi(_invites.For(chairParticipant));
        var onServer = await Patiently(() => chair.ListDocumentsAsync(cancellation), cancellation).ConfigureAwait(false);
        foreach (var e in _scenario.Events.Where(e => e.Kind == EventKind.Table))
        {
            var found = onServer.FirstOrDefault(d => d.Symbol == e.Symbol);
            if (!e.Seeded)
            {
                if (found is not null)
                {
                    throw new ScenarioException($"{e.Symbol} is already on the server: replay against a freshly seeded server (an empty --data folder)");
                }
                continue;
            }
            if (found is null)
            {
                throw new ScenarioException($"the server has no document {e.Symbol}: start it on an empty data folder so that it seeds the sample");
            }
            var document = await Patiently(() => chair.GetDocumentAsync(found.Id, cancellation), cancellation).ConfigureAwait(false);
            if (Scenario.Body(document.Text ?? "") != Scenario.Body(_scenario.ReadDraft(e.Draft!)) || document.Revisions.Count > 0
                || document.Status != "negotiating" || document.OpenAmendments > 0)
            {
                throw new ScenarioException($"{e.Symbol} on the server is no longer the seeded {e.Draft}: replay against a freshly seeded server (an empty --data folder)");
            }
            _seeded[e.Document!] = found.Id;
        }
    }

    private async Task<LiveDocument> ConnectAsync(string participant, string documentId, CancellationToken cancellation)
    {
        if (!_live.TryGetValue((participant, documentId), out var live))
        {
            live = await LiveDocument.ConnectAsync(Api(participant).Invite, documentId, new LiveDocumentOptions { Reconnect = false }, cancellation).ConfigureAwait(false);
            _live[(participant, documentId)] = live;
        }
        return live;
    }

    private async Task TableAsync(ScenarioEvent e, CancellationToken cancellation)
    {
        var api = Api(e.By!);
        if (e.Seeded)
        {
            _documents[e.Document!] = _seeded[e.Document!];
        }
        else
        {
            using var http = new HttpClient { BaseAddress = api.Invite.Server };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", api.Invite.Token);
            var body = new { title = e.Title, symbol = e.Symbol, text = _scenario.ReadDraft(e.Draft!) };
            var response = await http.PostAsJsonAsync("api/documents", body, cancellation).ConfigureAwait(false);
            for (var attempt = 1; response.StatusCode == System.Net.HttpStatusCode.TooManyRequests && attempt < 20; attempt++)
            {
                response.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
                response = await http.PostAsJsonAsync("api/documents", body, cancellation).ConfigureAwait(false);
            }
            using var answered = response;
            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                throw new ScenarioException($"tabling {e.Symbol} was refused ({(int)response.StatusCode}): {detail}");
            }
            var tabled = await response.Content.ReadFromJsonAsync<Document>(NegotiationApiJson, cancellation).ConfigureAwait(false)
                ?? throw new ScenarioException($"tabling {e.Symbol} gave no document");
            _documents[e.Document!] = tabled.Id;
        }

        await ConnectAsync(e.By!, _documents[e.Document!], cancellation).ConfigureAwait(false);
    }

    private static readonly System.Text.Json.JsonSerializerOptions NegotiationApiJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private async Task ProposeAsync(ScenarioEvent e, CancellationToken cancellation)
    {
        if (e.OffServer is not null)
        {
            _notPlayed.Add($"amendment {e.Amendment} (proposed by {string.Join(", ", e.Proposers.DefaultIfEmpty("nobody recorded"))}): {e.OffServer}");
            return;
        }
        // The first proposer tables it: a delegation, or the Chair (a chair's proposal); the others co-sponsor.
        var forTheChair = e.Proposers[0] == Scenario.Chair;
        var proposer = Api(e.Proposers[0]);
        var document = Document(e.Document!);
        var text = (await Patiently(() => proposer.GetDocumentAsync(document, cancellation), cancellation).ConfigureAwait(false)).Text ?? "";
        var (start, end) = ScenarioCheck.Locate(text, e);
        var proposal = new AmendmentProposal
        {
            Kind = e.ServerKind!,
            Paragraph = ParagraphAt(text, start),
            Range = new TextRange(start, end),
            OriginalText = text[start..end],
            ProposedTexts = e.ProposedTexts,
            ProposedBy = forTheChair ? null : _delegations[e.Proposers[0]],
            Proposer = forTheChair ? Amendment.Chair : null,
            CoSponsors = [.. e.Proposers.Skip(1).Select(d => _delegations.TryGetValue(d, out var id) ? id : throw new ScenarioException($"{d} co-sponsors {e.Amendment} before joining"))],
            Justification = e.Quote ?? "",
        };
        var amendment = await Patiently(() => proposer.ProposeAsync(document, proposal, cancellation), cancellation).ConfigureAwait(false);
        _amendments[e.Amendment!] = amendment.Id;
    }

    // p-N: the paragraph of the body the index falls in (paragraphs are separated by blank lines after the title).
    private static string ParagraphAt(string text, int index)
    {
        var title = text.IndexOf("\n# ", StringComparison.Ordinal);
        var bodyStart = title < 0 ? 0 : text.IndexOf('\n', title + 1);
        var number = 0;
        for (var at = text.IndexOf("\n\n", bodyStart, StringComparison.Ordinal); at >= 0 && at < index; at = text.IndexOf("\n\n", at + 2, StringComparison.Ordinal))
        {
            number++;
        }
        return $"p-{Math.Max(1, number)}";
    }

    private async Task EditAsync(ScenarioEvent e, CancellationToken cancellation)
    {
        var document = Document(e.Document!);
        var live = await ConnectAsync(e.By!, document, cancellation).ConfigureAwait(false);
        var expected = (await Patiently(() => Api(e.By!).GetDocumentAsync(document, cancellation), cancellation).ConfigureAwait(false)).Text ?? "";
        await UntilAsync(() => live.Text == expected, $"the chair's screen did not catch up with {e.Document}", cancellation).ConfigureAwait(false);
        foreach (var replacement in e.Replacements)
        {
            live.Edit(text =>
            {
                var at = ScenarioCheck.Once(text.ToString(), replacement.Find);
                text.Delete(at, replacement.Find.Length);
                if (replacement.Replace.Length > 0)
                {
                    text.Insert(at, replacement.Replace);
                }
            });
        }
        await live.FlushAsync(cancellation).ConfigureAwait(false);
        var typed = live.Text;
        if (live.Denials.Count > 0)
        {
            throw new ScenarioException($"the server refused {e.By}'s typing: {live.Denials[^1]}");
        }
        var api = Api(e.By!);
        string? onServer = null;
        await UntilAsync(async () => (onServer = (await Patiently(() => api.GetDocumentAsync(document, cancellation), cancellation).ConfigureAwait(false)).Text) == typed,
            $"the server's text of {e.Document} is not what {e.By} typed", cancellation).ConfigureAwait(false);
    }

    private static Task UntilAsync(Func<bool> done, string failure, CancellationToken cancellation) =>
        UntilAsync(() => Task.FromResult(done()), failure, cancellation);

    private static async Task UntilAsync(Func<Task<bool>> done, string failure, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await done().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ScenarioException(failure);
            }
            await Task.Delay(20, cancellation).ConfigureAwait(false);
        }
    }

    // A refusal for the request rate (429) changes nothing on the server: wait and ask again.
    private static async Task<T> Patiently<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (NegotiationApiException e) when (e.StatusCode == 429 && attempt < 20)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation).ConfigureAwait(false);
            }
        }
    }

    private NegotiationApi Api(string participant) =>
        _apis.TryGetValue(participant, out var api) ? api : throw new ScenarioException($"{participant} acts before joining");

    private string Document(string document) =>
        _documents.TryGetValue(document, out var id) ? id : throw new ScenarioException($"{document} is not on the table");

    private async Task<ReplayVerification> VerifyAsync(CancellationToken cancellation)
    {
        var checks = new List<ReplayCheck>();
        var chair = _apis.First(a => _scenario.Participants.Any(p => p.Name == a.Key && p.Role == "chair")).Value;

        var connected = _live.Keys.Where(k => _seeded.ContainsValue(k.Document)).Select(k => k.Participant).Distinct().Count();
        checks.Add(new ReplayCheck(
            $"{_scenario.Participants.Count} participants took part, each with its own invite and its own connection",
            _participantIds.Count == _scenario.Participants.Count && _participantIds.Values.Distinct().Count() == _participantIds.Count
                && connected == _scenario.Participants.Count && _live.Values.All(l => l.IsConnected),
            $"{_participantIds.Count} joined as {_participantIds.Values.Distinct().Count()} participants of the server, {connected} connected"));

        foreach (var (e, label) in _circulated)
        {
            var revision = await Patiently(() => chair.GetRevisionAsync(Document(e.Document!), label, cancellation), cancellation).ConfigureAwait(false);
            var want = Scenario.Body(_scenario.DraftOf(e.Version!));
            checks.Add(new ReplayCheck($"{label} ({revision.Symbol}) circulated at {e.At} is {e.Version}.md", Scenario.Body(revision.Text) == want,
                Scenario.Body(revision.Text)));
        }

        var adoption = _scenario.Events.LastOrDefault(e => e.Kind == EventKind.Adopt);
        if (adoption is not null)
        {
            var document = await Patiently(() => chair.GetDocumentAsync(Document(adoption.Document!), cancellation), cancellation).ConfigureAwait(false);
            var want = Scenario.Body(_scenario.DraftOf(adoption.Version!));
            var adopted = document.Adoption?.Text ?? "";
            checks.Add(new ReplayCheck($"the adopted text is exactly {adoption.Version}.md", document.Status == "adopted" && Scenario.Body(adopted) == want,
                document.Status == "adopted" ? Scenario.Body(adopted) : $"the document is {document.Status}"));
        }

        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_scenario.Folder, _scenario.Manifest)));
        foreach (var recorded in manifest.RootElement.GetProperty("amendments").EnumerateArray())
        {
            var id = recorded.GetProperty("id").GetString()!;
            if (!_amendments.TryGetValue(id, out var serverId))
            {
                continue;
            }
            var proposal = _scenario.Proposals[id];
            var amendment = await Patiently(() => chair.GetAmendmentAsync(Document(proposal.Document!), serverId, cancellation), cancellation).ConfigureAwait(false);
            checks.Add(LedgerCheck(id, recorded, amendment));
        }
        return new ReplayVerification(checks, _notPlayed);
    }

    private static ReplayCheck LedgerCheck(string id, System.Text.Json.JsonElement recorded, Amendment amendment)
    {
        // The chair proposes (a chair's proposal) but takes no position: it is compared among the proposers only.
        static string Set(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));
        static string Positions(IEnumerable<string> names) => Set(names.Where(n => n != Scenario.Chair));
        static IEnumerable<string> Names(System.Text.Json.JsonElement element, string field) => element.GetProperty(field).EnumerateArray().Select(v => v.GetString()!);
        string Held(string position) => Set(amendment.Positions.Where(p => p.Position == position).Select(p => p.Delegation.Name));

        var differences = new List<string>();
        void Compare(string what, string want, string have)
        {
            if (want != have)
            {
                differences.Add($"{what}: server [{have}], manifest [{want}]");
            }
        }
        var proposer = amendment.IsChairsProposal ? Scenario.Chair : amendment.ProposedBy?.Name ?? "";
        Compare("proposed by", Set(Names(recorded, "proposer")), Set(amendment.CoSponsors.Select(c => c.Name).Prepend(proposer)));
        Compare("supported by", Positions(Names(recorded, "supporters")), Held("supports"));
        Compare("opposed by", Positions(Names(recorded, "opponents")), Held("objects"));
        Compare("reservations", Positions(Names(recorded, "reservations")), Held("reserves"));
        var outcome = recorded.GetProperty("outcome").GetString();
        if ((outcome == "accepted") != (amendment.Status == "accepted"))
        {
            differences.Add($"status {amendment.Status}, the manifest's outcome {outcome}");
        }
        return new ReplayCheck($"{id}: {amendment.Ledger} ({amendment.Status})", differences.Count == 0, string.Join("; ", differences));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var live in _live.Values)
        {
            await live.DisposeAsync().ConfigureAwait(false);
        }
        foreach (var api in _apis.Values)
        {
            api.Dispose();
        }
    }
}

/// <summary>One check of the replay's result.</summary>
/// <param name="What">What was checked, in words.</param>
/// <param name="Passed">Whether it holds.</param>
/// <param name="Detail">What the server had, when it does not.</param>
public sealed record ReplayCheck(string What, bool Passed, string Detail);

/// <summary>The checks after a replay, and what the scenario records but the server could not be told.</summary>
public sealed record ReplayVerification(IReadOnlyList<ReplayCheck> Checks, IReadOnlyList<string> NotPlayed)
{
    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);
}
