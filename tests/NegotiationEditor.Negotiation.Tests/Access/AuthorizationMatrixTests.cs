using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Access;

/// <summary>Every role x every action, before and after adoption, asked of the policy and carried out through the workflow.</summary>
public sealed class AuthorizationMatrixTests
{
    // The matrix as docs/negotiation.md states it, on-screen drafting at its default (the chair and the secretariat type).
    private const string Matrix = """
        action                  Chair  Secretariat  MemberStateDelegate  Stakeholder  Observer
        Read                    yes    yes          yes                  yes          yes
        EditText                yes    yes          no                   no           no
        Propose                 no     no           yes                  yes          no
        Withdraw                no     no           yes                  yes          no
        TakePosition            no     no           yes                  yes          no
        Accept                  yes    no           no                   no           no
        Reject                  yes    no           no                   no           no
        Circulate               yes    yes          no                   no           no
        Adopt                   yes    no           no                   no           no
        SwitchOnScreenDrafting  yes    no           no                   no           no
        ManageParticipants      yes    yes          no                   no           no
        ProposeForTheChair      yes    yes          no                   no           no
        """;

    private static readonly Dictionary<(ParticipantRole, NegotiationAction), bool> BeforeAdoption = ReadMatrix();

    public static IEnumerable<TestCaseData> EveryRoleAndAction()
    {
        foreach (var ((role, action), allowed) in BeforeAdoption)
        {
            yield return new TestCaseData(role, action).SetName($"{role} may {action}: {(allowed ? "allowed" : "refused")}");
        }
    }

    public static IEnumerable<TestCaseData> EveryRoleAndCommand() =>
        EveryRoleAndAction().Where(c => (NegotiationAction)c.Arguments[1]! is not (NegotiationAction.Read or NegotiationAction.EditText));

    [Test]
    public void The_matrix_names_every_role_and_every_action()
    {
        var every = Enum.GetValues<ParticipantRole>().SelectMany(role => Enum.GetValues<NegotiationAction>().Select(action => (role, action)));

        Assert.That(BeforeAdoption.Keys, Is.EquivalentTo(every));
    }

    [TestCaseSource(nameof(EveryRoleAndAction))]
    public void The_policy_answers_as_the_matrix_says_before_adoption_and_only_reading_after(ParticipantRole role, NegotiationAction action)
    {
        var room = new Room();
        var participant = room.Member(role);
        var expected = BeforeAdoption[(role, action)];
        var document = action == NegotiationAction.ManageParticipants ? (DocumentId?)null : room.Table.Document;

        var before = room.Open.MayDo(participant.Id, action, document, participant.Delegation);
        var after = room.Adopted.MayDo(participant.Id, action, document, participant.Delegation);

        Assert.Multiple(() =>
        {
            Assert.That(before.IsAllowed, Is.EqualTo(expected), before.Reason);
            Assert.That(before.Reason, expected ? Is.Null : Is.Not.Empty);
            Assert.That(after.IsAllowed, Is.EqualTo(action == NegotiationAction.Read), after.Reason);
        });
    }

    [TestCaseSource(nameof(EveryRoleAndCommand))]
    public void The_workflow_enforces_the_matrix_before_adoption_and_refuses_all_after(ParticipantRole role, NegotiationAction action)
    {
        var room = new Room();
        var participant = room.Member(role);
        var expected = BeforeAdoption[(role, action)];

        var before = room.Run(room.Open, participant, action);
        var after = room.Run(room.Adopted, participant, action);

        Assert.Multiple(() =>
        {
            Assert.That(before?.Kind, expected ? Is.Null : Is.EqualTo(RefusalKind.Forbidden), before?.Message);
            Assert.That(after?.Kind, Is.EqualTo(RefusalKind.Forbidden));
        });
    }

    [Test]
    public void A_delegate_cannot_propose_withdraw_or_take_positions_for_another_delegation()
    {
        var room = new Room();
        var india = room.Table.DelegateOf("India");
        var greeceAmendment = room.AmendmentOf("Philippines");
        var forged = room.Table.Replacement("Greece", "Chair of CSTD", "Chair");
        var invented = forged with { ProposedBy = new DelegationId(Guid.NewGuid()) };

        var refusals = new[]
        {
            room.Table.Workflow.Propose(room.Open, india.Id, room.Table.Document, forged, room.Table.Live.Text).Refusal,
            room.Table.Workflow.Propose(room.Open, india.Id, room.Table.Document, invented, room.Table.Live.Text).Refusal,
            room.Table.Workflow.TakePosition(room.Open, india.Id, room.Table.Document, greeceAmendment.Id, room.Table.Id("Greece"), PositionKind.Objects).Refusal,
            room.Table.Workflow.Withdraw(room.Open, india.Id, room.Table.Document, greeceAmendment.Id).Refusal,
        };

        Assert.That(refusals.Select(r => r?.Kind), Is.All.EqualTo(RefusalKind.Forbidden));
        Assert.That(refusals[0]!.Message, Does.Contain("only for their own delegation"));
        Assert.That(room.Open.MayDo(india.Id, NegotiationAction.Propose, room.Table.Document, room.Table.Id("Greece")).IsAllowed, Is.False);
    }

    [Test]
    public void A_refusal_names_the_role_with_the_right_article()
    {
        var room = new Room();

        var observer = room.Open.MayDo(room.Table.Observer.Id, NegotiationAction.Propose, room.Table.Document);
        var delegate_ = room.Open.MayDo(room.Table.DelegateOf("India").Id, NegotiationAction.Adopt, room.Table.Document);

        Assert.That(observer.Reason, Does.StartWith("an observer may not"));
        Assert.That(delegate_.Reason, Does.StartWith("a member-state delegate may not"));
    }

    [Test]
    public void A_delegate_must_say_for_which_delegation_it_proposes()
    {
        var room = new Room();
        var decision = room.Open.MayDo(room.Table.DelegateOf("India").Id, NegotiationAction.Propose, room.Table.Document);

        Assert.That(decision.IsAllowed, Is.False);
        Assert.That(decision.Reason, Does.Contain("which delegation"));
    }

    [Test]
    public void An_unknown_or_removed_participant_is_refused_everything_even_reading()
    {
        var room = new Room();
        var india = room.Table.DelegateOf("India");
        var removed = room.Table.Workflow.RemoveParticipant(room.Open, room.Table.Chair.Id, india.Id).Value.Negotiation;
        var stranger = new ParticipantId(Guid.NewGuid());

        foreach (var action in Enum.GetValues<NegotiationAction>())
        {
            Assert.That(removed.MayDo(india.Id, action, room.Table.Document, india.Delegation).IsAllowed, Is.False, $"removed: {action}");
            Assert.That(room.Open.MayDo(stranger, action, room.Table.Document).IsAllowed, Is.False, $"stranger: {action}");
        }
    }

    [Test]
    public void Only_the_chair_switches_on_screen_drafting_and_the_switch_decides_who_types()
    {
        var room = new Room();
        var table = room.Table;
        var secretariat = table.Workflow.SwitchOnScreenDrafting(room.Open, table.Secretariat.Id, table.Document, OnScreenDrafting.MemberStates);
        var open = table.Workflow.SwitchOnScreenDrafting(room.Open, table.Chair.Id, table.Document, OnScreenDrafting.MemberStates).Value.Negotiation;
        var closed = table.Workflow.SwitchOnScreenDrafting(room.Open, table.Chair.Id, table.Document, OnScreenDrafting.Closed).Value.Negotiation;

        bool Types(NegotiationState state, Participant p) => state.MayDo(p.Id, NegotiationAction.EditText, table.Document).IsAllowed;
        Assert.Multiple(() =>
        {
            Assert.That(secretariat.Refusal?.Kind, Is.EqualTo(RefusalKind.Forbidden));
            Assert.That(Types(open, table.DelegateOf("India")), Is.True);
            Assert.That(Types(open, table.DelegateOf("ICC")), Is.False);
            Assert.That(Types(open, table.Observer), Is.False);
            Assert.That(Types(open, table.Secretariat), Is.True);
            Assert.That(Types(closed, table.Chair), Is.False);
            Assert.That(Types(closed, table.Secretariat), Is.False);
            Assert.That(room.Open.FindDocument(table.Document)!.OnScreenDrafting, Is.EqualTo(OnScreenDrafting.ChairAndSecretariat));
            Assert.That(open.History[^1].Description, Is.EqualTo("on-screen drafting of E/CN.16/2010/CRP.1 is now open to member states"));
            Assert.That(table.Workflow.SwitchOnScreenDrafting(open, table.Chair.Id, table.Document, OnScreenDrafting.MemberStates).Refusal,
                Is.EqualTo(Refusal.Conflict("on-screen drafting of E/CN.16/2010/CRP.1 is already open to member states")));
            Assert.That(table.Workflow.SwitchOnScreenDrafting(open, table.Chair.Id, table.Document, (OnScreenDrafting)7).Refusal,
                Is.EqualTo(Refusal.Invalid("unknown on-screen drafting mode")));
        });
    }

    [Test]
    public void A_revoked_invite_no_longer_identifies_anyone()
    {
        var room = new Room();
        var table = room.Table;
        var india = table.DelegateOf("India");
        var issued = table.Workflow.IssueInvite(room.Open, table.Secretariat.Id, india.Id).Value;
        var revoked = table.Workflow.RevokeInvites(issued.Negotiation, table.Chair.Id, india.Id).Value.Negotiation;

        Assert.That(issued.Negotiation.Authenticate(issued.Value).Value, Is.EqualTo(india));
        Assert.That(revoked.Authenticate(issued.Value).Refusal, Is.EqualTo(Refusal.Forbidden("this invite has been revoked")));
    }

    private static Dictionary<(ParticipantRole, NegotiationAction), bool> ReadMatrix()
    {
        var rows = Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var roles = rows[0].Skip(1).Select(Enum.Parse<ParticipantRole>).ToList();
        var matrix = new Dictionary<(ParticipantRole, NegotiationAction), bool>();
        foreach (var row in rows.Skip(1))
        {
            var action = Enum.Parse<NegotiationAction>(row[0]);
            for (var column = 0; column < roles.Count; column++)
            {
                matrix.Add((roles[column], action), row[column + 1] switch { "yes" => true, "no" => false, var other => throw new FormatException(other) });
            }
        }

        return matrix;
    }

    /// <summary>The seed's table with one participant of each role, amendments on the table, and the same table adopted.</summary>
    private sealed class Room
    {
        public Room()
        {
            Table = new SeedTable();
            foreach (var proposer in new[] { "India", "ICC", "Philippines" })
            {
                Table.Apply(Table.Workflow.Propose(Table.State, Table.DelegateOf(proposer).Id, Table.Document,
                    new AmendmentProposal(AmendmentKind.Insert, Table.Live.Anchor(0, 0), "", [$"{proposer}: "], Table.Id(proposer), [], ""),
                    Table.Live.Text));
            }

            Spare = Table.Apply(Table.Workflow.TableDocument(Table.State, Table.Chair.Id, "Status of the Working Group", "E/CN.16/2010/CRP.2")).Id;
            Open = Table.State;

            var adopted = Open;
            foreach (var amendment in Open.FindDocument(Table.Document)!.Amendments)
            {
                adopted = Table.Workflow.Reject(adopted, Table.Chair.Id, Table.Document, amendment.Id).Value.Negotiation;
            }

            adopted = Table.Workflow.Adopt(adopted, Table.Chair.Id, Table.Document, Table.Live.Text).Value.Negotiation;
            Adopted = Table.Workflow.Adopt(adopted, Table.Chair.Id, Spare, "Decisions by the member states.").Value.Negotiation;
        }

        public SeedTable Table { get; }

        public DocumentId Spare { get; }

        public NegotiationState Open { get; }

        public NegotiationState Adopted { get; }

        public Participant Member(ParticipantRole role) => role switch
        {
            ParticipantRole.Chair => Table.Chair,
            ParticipantRole.Secretariat => Table.Secretariat,
            ParticipantRole.MemberStateDelegate => Table.DelegateOf("India"),
            ParticipantRole.Stakeholder => Table.DelegateOf("ICC"),
            _ => Table.Observer,
        };

        public Amendment AmendmentOf(string delegation) =>
            Open.FindDocument(Table.Document)!.Amendments.Single(a => a.ProposedBy == Table.Id(delegation));

        /// <summary>Carries out <paramref name="action"/> as <paramref name="participant"/>; the refusal, or null on success.
        /// Reading and typing are not workflow commands (the server asks MayDo).</summary>
        public Refusal? Run(NegotiationState state, Participant participant, NegotiationAction action)
        {
            var w = Table.Workflow;
            var doc = Table.Document;
            var own = participant.Delegation ?? Table.Id("Greece");
            var ownAmendment = participant.Delegation is { } d && d != Table.Id("Philippines")
                ? AmendmentOf(Table.State.FindDelegation(d)!.Name)
                : AmendmentOf("Philippines");
            var other = AmendmentOf("Philippines");
            return action switch
            {
                NegotiationAction.Propose => w.Propose(state, participant.Id, doc,
                    new AmendmentProposal(AmendmentKind.Replace, Table.Live.AnchorOn("Chair of CSTD"), "Chair of CSTD", ["Chair"], own, [], ""),
                    Table.Live.Text).Refusal,
                NegotiationAction.Withdraw => w.Withdraw(state, participant.Id, doc, ownAmendment.Id).Refusal,
                NegotiationAction.TakePosition => w.TakePosition(state, participant.Id, doc, other.Id, own, PositionKind.Supports).Refusal,
                NegotiationAction.Accept => w.Accept(state, participant.Id, doc, other.Id, Table.Live.Text).Refusal,
                NegotiationAction.Reject => w.Reject(state, participant.Id, doc, other.Id).Refusal,
                NegotiationAction.Circulate => w.Circulate(state, participant.Id, doc, Table.Live.Text, Table.Live.Text, []).Refusal,
                NegotiationAction.Adopt => w.Adopt(state, participant.Id, Spare, "Decisions by the member states.").Refusal,
                NegotiationAction.SwitchOnScreenDrafting => w.SwitchOnScreenDrafting(state, participant.Id, doc, OnScreenDrafting.Closed).Refusal,
                NegotiationAction.ManageParticipants => w.AddDelegation(state, participant.Id, "Chile", DelegationKind.MemberState).Refusal,
                NegotiationAction.ProposeForTheChair => w.Propose(state, participant.Id, doc,
                    new AmendmentProposal(AmendmentKind.Replace, Table.Live.AnchorOn("Chair of CSTD"), "Chair of CSTD", ["Chair"], null, [], ""),
                    Table.Live.Text).Refusal,
                _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a workflow command"),
            };
        }
    }
}
