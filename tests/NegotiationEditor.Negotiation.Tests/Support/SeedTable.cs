using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Support;

/// <summary>
/// The seed's room (the CSTD consultation on the IGF working group, 17 December 2010): the chair, the secretariat,
/// member states, the EU, stakeholders and an observer, with Iran's paragraph of 17:05 on the table as the live text.
/// </summary>
internal sealed class SeedTable
{
    public const string Symbol = "E/CN.16/2010/CRP.1";

    public const string IranParagraph =
        "Following stakeholders are invited by the Chair of CSTD to participate in the CSTD Working Group on IGF improvement, "
        + "in accordance with the established rules of procedure of the ECOSOC and the CSTD.";

    public static readonly DateTimeOffset Morning = new(2010, 12, 17, 10, 5, 0, TimeSpan.FromHours(1));

    private readonly Dictionary<string, Delegation> _delegations = [];
    private readonly Dictionary<string, Participant> _delegates = [];

    public SeedTable(int seed = 2010)
    {
        Clock = new ManualClock(Morning);
        Random = new SeededRandom(seed);
        Live = new LiveText(IranParagraph);
        Workflow = new NegotiationWorkflow(Clock, Random, Live);

        var opened = Workflow.Open("Composition of the Working Group on improvements to the IGF", "CSTD Chair").Value;
        State = opened.Negotiation;
        Chair = opened.Value;
        Secretariat = Apply(Workflow.AddParticipant(State, Chair.Id, "UNCTAD secretariat", ParticipantRole.Secretariat, null));

        foreach (var state in new[] { "Greece", "Iran", "UK", "India", "Russia", "South Africa", "Philippines" })
        {
            AddDelegation(state, DelegationKind.MemberState, ParticipantRole.MemberStateDelegate);
        }

        AddDelegation("EU", DelegationKind.IntergovernmentalOrganisation, ParticipantRole.Stakeholder);
        foreach (var stakeholder in new[] { "ICC", "APC", "IGC" })
        {
            AddDelegation(stakeholder, DelegationKind.Stakeholder, ParticipantRole.Stakeholder);
        }

        Observer = Apply(Workflow.AddParticipant(State, Secretariat.Id, "Visitor from the press", ParticipantRole.Observer, null));
        Document = Apply(Workflow.TableDocument(State, Secretariat.Id, "Composition of the Working Group", Symbol)).Id;
        Live.Document = Document;
    }

    public ManualClock Clock { get; }

    public SeededRandom Random { get; }

    public LiveText Live { get; }

    public NegotiationWorkflow Workflow { get; }

    public NegotiationState State { get; set; }

    public Participant Chair { get; }

    public Participant Secretariat { get; }

    public Participant Observer { get; }

    public DocumentId Document { get; }

    public NegotiatedDocument TheDocument => State.FindDocument(Document)!;

    public IReadOnlyCollection<Delegation> Delegations => State.Delegations;

    public DelegationId Id(string delegation) => _delegations[delegation].Id;

    public Participant DelegateOf(string delegation) => _delegates[delegation];

    /// <summary>Takes the value of a successful command and moves the table to its new state.</summary>
    public T Apply<T>(Outcome<Change<T>> outcome)
    {
        Assert.That(outcome.Refusal, Is.Null, "the command should have succeeded");
        State = outcome.Value.Negotiation;
        return outcome.Value.Value;
    }

    /// <summary>A delegation proposes replacing <paramref name="original"/> (first occurrence in the live text).</summary>
    public Amendment ProposeReplacement(string delegation, string original, string proposed, params string[] coSponsors) =>
        Apply(Workflow.Propose(State, DelegateOf(delegation).Id, Document,
            Replacement(delegation, original, proposed, coSponsors), Live.Text)).Amendment;

    public AmendmentProposal Replacement(string delegation, string original, string proposed, params string[] coSponsors) =>
        new(AmendmentKind.Replace, Live.AnchorOn(original), original, [proposed], Id(delegation),
            coSponsors.Select(Id).ToList(), "");

    public void Minutes(int minutes) => Clock.Advance(TimeSpan.FromMinutes(minutes));

    private void AddDelegation(string name, DelegationKind kind, ParticipantRole role)
    {
        var delegation = Apply(Workflow.AddDelegation(State, Chair.Id, name, kind));
        _delegations[name] = delegation;
        _delegates[name] = Apply(Workflow.AddParticipant(State, Secretariat.Id, $"Delegate of {name}", role, delegation.Id));
    }
}
