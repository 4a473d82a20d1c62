using System.Text.Json;
using NegotiationEditor.Crdt;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Seeding;

/// <summary>What the seed created: where the invites were written and the chair's link.</summary>
/// <param name="InvitesPath">The path of <c>invites.csv</c>.</param>
/// <param name="ChairLink">The chair's invite link.</param>
/// <param name="Document">The document tabled.</param>
public sealed record SeedResult(string InvitesPath, string ChairLink, DocumentId Document);

/// <summary>
/// On an empty data folder, creates the negotiation of the seed day (<c>samples/cstd-2010-igf-working-group</c>):
/// its first printed draft as the document under negotiation, the delegations named that day (the member states of
/// the manifest, the organisations and stakeholders who spoke), one delegate for each, a chair, a secretariat and
/// an observer, and one invite per participant written to <c>invites.csv</c>.
/// </summary>
public sealed class SampleNegotiationSeeder(
    LiveNegotiation negotiation,
    IDocumentUpdateLog log,
    TimeProvider time,
    IRandomSource random)
{
    // Who spoke that day besides the member states, as the transcript names them.
    private static readonly (string Name, DelegationKind Kind)[] Organisations =
    [
        ("EU", DelegationKind.IntergovernmentalOrganisation),
        ("UNESCO", DelegationKind.IntergovernmentalOrganisation),
        ("Council of Europe", DelegationKind.IntergovernmentalOrganisation),
        ("ICC", DelegationKind.Stakeholder),
        ("APC", DelegationKind.Stakeholder),
        ("Internet Society", DelegationKind.Stakeholder),
        ("IGC", DelegationKind.Stakeholder),
        ("ICANN", DelegationKind.Stakeholder),
    ];

    private const string ChairName = "Chair of the CSTD";

    /// <summary>Seeds the negotiation if the data folder holds none; returns what was created, or null.</summary>
    /// <exception cref="InvalidOperationException">The sample cannot be read or the domain refuses it.</exception>
    public async Task<SeedResult?> SeedIfEmptyAsync(string sampleFolder, string dataFolder, string serverUrl)
    {
        if (negotiation.Exists)
        {
            return null;
        }

        var manifest = SampleManifest.Read(Path.Combine(sampleFolder, "manifest.json"));
        var source = File.ReadAllText(Path.Combine(sampleFolder, manifest.FirstPrintedFile));
        var draft = DraftParser.Parse(source);
        var workflow = new NegotiationWorkflow(time, random, new NoAnchorsYet());

        var opened = Expect(workflow.Open(manifest.Title, ChairName));
        var state = opened.Negotiation;
        var chair = opened.Value;
        var participants = new List<(Participant Participant, string Delegation)> { (chair, "") };

        var document = Expect(workflow.TableDocument(state, chair.Id, draft.Title ?? manifest.Title, manifest.FirstPrintedSymbol));
        state = document.Negotiation;

        var secretariat = Expect(workflow.AddParticipant(state, chair.Id, "CSTD secretariat", ParticipantRole.Secretariat, null));
        state = secretariat.Negotiation;
        participants.Add((secretariat.Value, ""));

        var delegations = manifest.MemberStates.Select(name => (name, DelegationKind.MemberState))
            .Concat(Organisations.Where(o => !manifest.MemberStates.Contains(o.Name)));
        foreach (var (name, kind) in delegations)
        {
            var added = Expect(workflow.AddDelegation(state, chair.Id, name, kind));
            state = added.Negotiation;
            var role = kind == DelegationKind.MemberState ? ParticipantRole.MemberStateDelegate : ParticipantRole.Stakeholder;
            var person = kind == DelegationKind.MemberState ? $"Delegate of {name}" : $"Representative of {name}";
            var participant = Expect(workflow.AddParticipant(state, chair.Id, person, role, added.Value.Id));
            state = participant.Negotiation;
            participants.Add((participant.Value, name));
        }

        var observer = Expect(workflow.AddParticipant(state, chair.Id, "Observer", ParticipantRole.Observer, null));
        state = observer.Negotiation;
        participants.Add((observer.Value, ""));

        var lines = new List<InviteLine>();
        foreach (var (participant, delegation) in participants)
        {
            var issued = Expect(workflow.IssueInvite(state, chair.Id, participant.Id));
            state = issued.Negotiation;
            lines.Add(new InviteLine(Participant.Describe(participant.Role), delegation, InviteLink.Create(serverUrl, issued.Value)));
        }

        // The text first, then the invites, then the negotiation: a start interrupted half way seeds again.
        var text = new YDoc();
        text.GetText(LiveText.RootName).Insert(0, source);
        await log.AppendAsync(document.Value.Id, Y.EncodeStateAsUpdate(text)).ConfigureAwait(false);
        var invitesPath = Path.Combine(dataFolder, InvitesCsv.FileName);
        InvitesCsv.Write(invitesPath, lines);
        negotiation.Create(state);
        return new SeedResult(invitesPath, lines[0].Url, document.Value.Id);
    }

    private static T Expect<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"The sample negotiation could not be created: {outcome.Refusal!.Message}");

    // The seed proposes no amendment, so no anchor is ever resolved while seeding.
    private sealed class NoAnchorsYet : IAnchorResolver
    {
        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}

/// <summary>What the seed reads from the sample's <c>manifest.json</c>.</summary>
/// <param name="Title">The negotiation's title.</param>
/// <param name="FirstPrintedFile">The file of the first printed version.</param>
/// <param name="FirstPrintedSymbol">Its document symbol.</param>
/// <param name="MemberStates">The delegations named in the manifest that are member states, in order of appearance.</param>
public sealed record SampleManifest(string Title, string FirstPrintedFile, string FirstPrintedSymbol, IReadOnlyList<string> MemberStates)
{
    private static readonly string[] NameFields = ["tabledBy", "proposer", "supporters", "opponents", "reservations"];
    private static readonly HashSet<string> NotMemberStates = ["Chair", "EU", "APC"];

    /// <summary>Reads the manifest.</summary>
    /// <exception cref="InvalidOperationException">The manifest lacks a title or a printed version.</exception>
    public static SampleManifest Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var title = root.GetProperty("title").GetString() ?? throw new InvalidOperationException($"{path} has no title.");
        var printed = root.GetProperty("versions").EnumerateArray()
            .FirstOrDefault(v => v.GetProperty("kind").GetString() == "printed");
        if (printed.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{path} lists no printed version.");
        }

        var names = new List<string>();
        foreach (var entry in root.GetProperty("versions").EnumerateArray().Concat(root.GetProperty("amendments").EnumerateArray()))
        {
            foreach (var field in NameFields)
            {
                if (!entry.TryGetProperty(field, out var value))
                {
                    continue;
                }
                var found = value.ValueKind switch
                {
                    JsonValueKind.String => [value.GetString()!],
                    JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
                    _ => Enumerable.Empty<string>(),
                };
                names.AddRange(found.Where(name => !NotMemberStates.Contains(name) && !names.Contains(name)));
            }
        }

        return new SampleManifest(
            title,
            printed.GetProperty("file").GetString()!,
            printed.GetProperty("symbol").GetString()!,
            names);
    }
}
