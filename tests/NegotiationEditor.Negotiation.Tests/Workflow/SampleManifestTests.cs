using System.Text.Json;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Workflow;

/// <summary>
/// The amendments of the seed day, as samples/cstd-2010-igf-working-group/manifest.json records them, replayed
/// through the workflow: their ledgers, and the exact edits of the changes whose words are in their draft.
/// </summary>
public sealed class SampleManifestTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot(), "samples", "cstd-2010-igf-working-group");

    public static IEnumerable<TestCaseData> AmendmentsWithADelegationProposing() =>
        Manifest().Where(a => a.Proposers.Count > 0).Select(a => new TestCaseData(a).SetName($"The ledger of {a.Id} names who stood where"));

    public static IEnumerable<TestCaseData> ChairsProposals() =>
        Manifest().Where(a => a.Proposers.FirstOrDefault() == ChairName).Select(a => new TestCaseData(a).SetName($"{a.Id} is a chair's proposal"));

    public static IEnumerable<TestCaseData> ChangesWhoseWordsAreInTheirDraft() =>
        Manifest()
            .Where(a => a.Proposers.Count > 0 && a.Target is not null && a.Original is not null
                        && (a.Kind is "delete" or "delete-paragraph" || (a.Kind == "replace" && a.Proposed is not null))
                        && File.ReadAllText(Path.Combine(Sample, a.Target + ".md")).Contains(a.Original, StringComparison.Ordinal))
            .Select(a => new TestCaseData(a).SetName($"Accepting {a.Id} rewrites exactly its words"));

    private const string ChairName = "Chair";

    [Test]
    public void The_manifest_yields_amendments_to_replay()
    {
        Assert.That(AmendmentsWithADelegationProposing().Count(), Is.GreaterThanOrEqualTo(20));
        Assert.That(ChangesWhoseWordsAreInTheirDraft().Count(), Is.GreaterThanOrEqualTo(8));
        Assert.That(ChairsProposals().Count(), Is.EqualTo(6), "the Chair's six amendments");
    }

    [TestCaseSource(nameof(ChairsProposals))]
    public void A_chairs_amendment_of_the_day_is_tabled_by_the_chair_for_no_delegation(RecordedAmendment recorded)
    {
        var room = new Room("The text.");

        var amendment = Propose(room, recorded);

        Assert.Multiple(() =>
        {
            Assert.That(amendment.Proposer, Is.EqualTo(ProposerKind.Chair));
            Assert.That(amendment.ProposedBy, Is.Null);
            Assert.That(amendment.CoSponsors.Select(id => room.State.FindDelegation(id)!.Name), Is.EqualTo(recorded.Proposers.Skip(1)));
        });
    }

    [TestCaseSource(nameof(AmendmentsWithADelegationProposing))]
    public void Every_amendment_of_the_day_prints_the_ledger_the_manifest_records(RecordedAmendment recorded)
    {
        var room = new Room("The text.");
        var amendment = Propose(room, recorded);
        foreach (var (names, kind) in new[] { (recorded.Supporters, PositionKind.Supports), (recorded.Opponents, PositionKind.Objects), (recorded.Reservations, PositionKind.Reserves) })
        {
            // The chair takes no position: its support is in the manifest but not in a ledger.
            foreach (var name in names.Where(name => name != ChairName))
            {
                room.Apply(room.Workflow.TakePosition(room.State, room.DelegateOf(name), room.Document, amendment.Id, room.Id(name), kind));
            }
        }

        var ledger = AmendmentLedger.Render(amendment, room.State.FindDocument(room.Document)!.Positions, room.State.Delegations);

        Assert.That(ledger, Is.EqualTo(ExpectedLedger(recorded)));
    }

    [TestCaseSource(nameof(ChangesWhoseWordsAreInTheirDraft))]
    public void Every_recorded_change_whose_words_are_in_its_draft_applies_exactly(RecordedAmendment recorded)
    {
        var draft = File.ReadAllText(Path.Combine(Sample, recorded.Target + ".md"));
        var room = new Room(draft);
        var at = draft.IndexOf(recorded.Original!, StringComparison.Ordinal);
        var kind = recorded.Kind switch { "delete" => AmendmentKind.Delete, "delete-paragraph" => AmendmentKind.DeleteParagraph, _ => AmendmentKind.Replace };
        var byTheChair = recorded.Proposers[0] == ChairName;
        var proposal = new AmendmentProposal(kind, room.Live.AnchorOn(recorded.Original!), recorded.Original!,
            kind == AmendmentKind.Replace ? [recorded.Proposed!] : [], byTheChair ? null : room.Id(recorded.Proposers[0]), [], "");
        var actor = byTheChair ? room.Chair : room.DelegateOf(recorded.Proposers[0]);
        var amendment = room.Apply(room.Workflow.Propose(room.State, actor, room.Document, proposal, room.Live.Text)).Amendment;

        var acceptance = room.Apply(room.Workflow.Accept(room.State, room.Chair, room.Document, amendment.Id, room.Live.Text));
        foreach (var edit in acceptance.Edits)
        {
            room.Live.Apply(edit);
        }

        var expected = draft[..at] + (kind == AmendmentKind.Replace ? recorded.Proposed : "") + draft[(at + recorded.Original!.Length)..];
        Assert.That(room.Live.Text, Is.EqualTo(expected));
        Assert.That(acceptance.Edits, Has.Count.EqualTo(1));
    }

    /// <summary>The recorded amendment proposed as an insertion at the start: by its first proposer (the chair for no
    /// delegation, or a delegation's delegate), the others co-sponsoring.</summary>
    private static Amendment Propose(Room room, RecordedAmendment recorded)
    {
        var byTheChair = recorded.Proposers[0] == ChairName;
        var proposal = new AmendmentProposal(AmendmentKind.Insert, room.Live.Anchor(0, 0), "", ["Words "],
            byTheChair ? null : room.Id(recorded.Proposers[0]), recorded.Proposers.Skip(1).Select(room.Id).ToList(), "");
        var actor = byTheChair ? room.Chair : room.DelegateOf(recorded.Proposers[0]);
        return room.Apply(room.Workflow.Propose(room.State, actor, room.Document, proposal, room.Live.Text)).Amendment;
    }

    private static string ExpectedLedger(RecordedAmendment recorded)
    {
        static bool IsStakeholder(string name) => Room.KindOf(name) != DelegationKind.MemberState;
        var parts = new List<string> { "Proposed by " + string.Join(", ", recorded.Proposers.Select(name => name == ChairName ? "the Chair" : name)) };
        void Groups(Func<string, bool> keep, List<string> into)
        {
            foreach (var (names, words) in new[] { (recorded.Supporters, "supported by"), (recorded.Opponents, "opposed by"), (recorded.Reservations, "reservation by") })
            {
                var kept = names.Where(name => name != ChairName).Where(keep).ToList();
                if (kept.Count > 0)
                {
                    into.Add($"{words} {string.Join(", ", kept)}");
                }
            }
        }

        Groups(name => !IsStakeholder(name), parts);
        var stakeholders = new List<string>();
        Groups(IsStakeholder, stakeholders);
        if (stakeholders.Count > 0)
        {
            parts.Add("stakeholders: " + string.Join("; ", stakeholders));
        }

        return string.Join("; ", parts);
    }

    private static List<RecordedAmendment> Manifest()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Sample, "manifest.json")));
        // The Chair stays in: as proposer it is a chair's proposal; as supporter it takes no position (left out above).
        static List<string> Names(JsonElement list) => list.EnumerateArray().Select(e => e.GetString()!).ToList();
        static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        return json.RootElement.GetProperty("amendments").EnumerateArray().Select(a => new RecordedAmendment(
            a.GetProperty("id").GetString()!,
            Names(a.GetProperty("proposer")),
            Names(a.GetProperty("supporters")),
            Names(a.GetProperty("opponents")),
            Names(a.GetProperty("reservations")),
            Text(a, "target"),
            a.GetProperty("change").GetProperty("kind").GetString()!,
            Text(a.GetProperty("change"), "original"),
            Text(a.GetProperty("change"), "proposed"))).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NegotiationEditor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root (NegotiationEditor.sln) is not above the test directory");
    }

    /// <summary>One amendment as the manifest records it ("Chair" among the names: the chair, who holds no delegation).</summary>
    public sealed record RecordedAmendment(
        string Id, List<string> Proposers, List<string> Supporters, List<string> Opponents, List<string> Reservations,
        string? Target, string Kind, string? Original, string? Proposed)
    {
        public override string ToString() => Id;
    }

    /// <summary>A table with a delegate for every delegation the manifest names.</summary>
    private sealed class Room
    {
        private readonly Dictionary<string, (DelegationId Delegation, ParticipantId Delegate)> _seats = [];

        public Room(string text)
        {
            Live = new LiveText(text);
            Workflow = new NegotiationWorkflow(new ManualClock(SeedTable.Morning), new SeededRandom(17), Live);
            var opened = Workflow.Open("CSTD consultation", "Chair").Value;
            State = opened.Negotiation;
            Chair = opened.Value.Id;
            foreach (var name in Manifest().SelectMany(a => a.Proposers.Concat(a.Supporters).Concat(a.Opponents).Concat(a.Reservations)).Distinct().Where(name => name != ChairName))
            {
                var kind = KindOf(name);
                var delegation = Apply(Workflow.AddDelegation(State, Chair, name, kind));
                var role = kind == DelegationKind.MemberState ? ParticipantRole.MemberStateDelegate : ParticipantRole.Stakeholder;
                _seats[name] = (delegation.Id, Apply(Workflow.AddParticipant(State, Chair, $"Delegate of {name}", role, delegation.Id)).Id);
            }

            Document = Apply(Workflow.TableDocument(State, Chair, "Composition of the Working Group", SeedTable.Symbol)).Id;
        }

        public LiveText Live { get; }

        public NegotiationWorkflow Workflow { get; }

        public NegotiationState State { get; private set; }

        public ParticipantId Chair { get; }

        public Documents.DocumentId Document { get; }

        public static DelegationKind KindOf(string name) => name switch
        {
            "EU" => DelegationKind.IntergovernmentalOrganisation,
            "APC" or "ICC" or "IGC" => DelegationKind.Stakeholder,
            _ => DelegationKind.MemberState,
        };

        public DelegationId Id(string name) => _seats[name].Delegation;

        public ParticipantId DelegateOf(string name) => _seats[name].Delegate;

        public T Apply<T>(Outcome<Change<T>> outcome)
        {
            Assert.That(outcome.Refusal, Is.Null, "the command should have succeeded");
            State = outcome.Value.Negotiation;
            return outcome.Value.Value;
        }
    }
}
