using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Tests.Support;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Tests.Workflow;

/// <summary>
/// Seeded random sessions: participants of every role send random commands (some for delegations not theirs) while
/// the text is typed in. After every command the rules must hold: refusals for access match the policy, decided
/// amendments never move again, the history grows by whole entries, accepted edits put the accepted words in place,
/// and nothing but reading succeeds after adoption.
/// </summary>
public sealed class RandomSessionTests
{
    private enum Command { Propose, Withdraw, TakePosition, Accept, Reject, Circulate, Adopt, Switch, Type }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void The_rules_hold_after_every_command_of_a_random_session(int seed)
    {
        var random = new Random(seed);
        var table = new SeedTable(seed);
        table.Live.Type(table.Live.Text.Length, 0,
            " The Chair invites the following stakeholders to interactively participate in the Working Group."
            + " Decisions of this Working Group will be made by the 22 member states.");
        var people = table.State.Participants.ToList();
        var succeeded = new Dictionary<Command, int>();
        var exercised = succeeded;

        for (var step = 0; step < 700; step++)
        {
            if (step == 500)
            {
                // The chair closes the session: every open amendment rejected, the text adopted.
                foreach (var open in table.TheDocument.Amendments.Where(a => a.IsOpen))
                {
                    table.Apply(table.Workflow.Reject(table.State, table.Chair.Id, table.Document, open.Id));
                }

                table.Apply(table.Workflow.Adopt(table.State, table.Chair.Id, table.Document, table.Live.Text));
                exercised = new Dictionary<Command, int>(succeeded);
                succeeded.Clear();
            }

            // The chair speaks often, as chairs do; everyone else at random.
            var actor = random.Next(4) == 0 ? table.Chair : people[random.Next(people.Count)];
            var command = PickCommand(random);
            var before = table.State;
            var (refusal, action, actingFor, after) = Run(table, random, actor, command);

            if (action is { } asked && refusal?.Kind != RefusalKind.NotFound)
            {
                var policy = before.MayDo(actor.Id, asked, table.Document, actingFor);
                Assert.That(refusal?.Kind == RefusalKind.Forbidden, Is.EqualTo(!policy.IsAllowed),
                    $"step {step}: {actor.Role} {command} -> {refusal}; policy says {policy.Reason ?? "allowed"}");
            }

            if (refusal is not null || after is null)
            {
                continue;
            }

            succeeded[command] = succeeded.GetValueOrDefault(command) + 1;
            if (command == Command.Type)
            {
                continue;
            }

            CheckInvariants(before, after, table, step);
            table.State = after;
        }

        Assert.That(succeeded, Is.Empty, "nothing succeeds after adoption");
        Assert.That(exercised.Keys, Is.SupersetOf(new[] { Command.Propose, Command.TakePosition, Command.Accept, Command.Reject, Command.Circulate, Command.Type }),
            "the session should exercise the workflow");
    }

    private static Command PickCommand(Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 25 => Command.Propose,
            < 45 => Command.TakePosition,
            < 52 => Command.Withdraw,
            < 60 => Command.Accept,
            < 66 => Command.Reject,
            < 70 => Command.Circulate,
            < 72 => Command.Switch,
            < 73 => Command.Adopt,
            _ => Command.Type,
        };
    }

    private static (Refusal? Refusal, NegotiationAction? Action, DelegationId? ActingFor, NegotiationState? After) Run(
        SeedTable table, Random random, Participant actor, Command command)
    {
        var w = table.Workflow;
        var state = table.State;
        var doc = table.Document;
        var amendments = table.TheDocument.Amendments;
        var delegations = state.Delegations;
        // Mostly the actor's own delegation; sometimes another one (a forged claim).
        var claimed = actor.Delegation is { } own && random.Next(5) > 0 ? own : delegations[random.Next(delegations.Count)].Id;

        switch (command)
        {
            case Command.Propose:
            {
                var proposal = RandomProposal(table, random, claimed);
                var outcome = w.Propose(state, actor.Id, doc, proposal, table.Live.Text);
                return (outcome.Refusal, NegotiationAction.Propose, claimed, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            case Command.Type:
            {
                if (!state.MayDo(actor.Id, NegotiationAction.EditText, doc).IsAllowed || table.Live.Text.Length < 20)
                {
                    return (null, null, null, null);
                }

                var at = random.Next(table.Live.Text.Length - 10);
                table.Live.Type(at, random.Next(4), random.Next(2) == 0 ? "" : "word ");
                return (null, NegotiationAction.EditText, null, state);
            }

            case Command.Circulate:
            {
                var outcome = w.Circulate(state, actor.Id, doc, table.Live.Text, table.Live.Text, [(byte)random.Next(256)]);
                return (outcome.Refusal, NegotiationAction.Circulate, null, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            case Command.Adopt:
            {
                var outcome = w.Adopt(state, actor.Id, doc, table.Live.Text);
                return (outcome.Refusal, NegotiationAction.Adopt, null, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            case Command.Switch:
            {
                var outcome = w.SwitchOnScreenDrafting(state, actor.Id, doc, (OnScreenDrafting)random.Next(3));
                return (outcome.Refusal, NegotiationAction.SwitchOnScreenDrafting, null, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }
        }

        if (amendments.IsEmpty)
        {
            return (null, null, null, null);
        }

        var amendment = amendments[random.Next(amendments.Count)];
        switch (command)
        {
            case Command.Withdraw:
            {
                var outcome = w.Withdraw(state, actor.Id, doc, amendment.Id);
                return (outcome.Refusal, NegotiationAction.Withdraw, amendment.ProposedBy, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            case Command.TakePosition:
            {
                var outcome = w.TakePosition(state, actor.Id, doc, amendment.Id, claimed, (PositionKind)random.Next(4));
                return (outcome.Refusal, NegotiationAction.TakePosition, claimed, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            case Command.Reject:
            {
                var outcome = w.Reject(state, actor.Id, doc, amendment.Id);
                return (outcome.Refusal, NegotiationAction.Reject, null, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }

            default:
            {
                int? alternative = amendment.Kind == AmendmentKind.Alternatives ? random.Next(amendment.ProposedTexts.Length) : null;
                var text = table.Live.Text;
                var outcome = w.Accept(state, actor.Id, doc, amendment.Id, text, alternative);
                if (outcome.Succeeded)
                {
                    var acceptance = outcome.Value.Value;
                    var words = amendment.Kind switch
                    {
                        AmendmentKind.Delete or AmendmentKind.DeleteParagraph => "",
                        AmendmentKind.Alternatives => amendment.ProposedTexts[alternative!.Value],
                        _ => amendment.ProposedTexts[0],
                    };
                    foreach (var edit in acceptance.Edits)
                    {
                        table.Live.Apply(edit);
                    }

                    // A span now holds the accepted words; a point (an insertion) now follows them.
                    var span = table.Live.Resolve(doc, amendment.Anchor)!.Value;
                    var now = table.Live.Text;
                    Assert.That(span.IsPoint ? now[..span.Start] : now[span.Start..span.End],
                        span.IsPoint ? Does.EndWith(words) : Is.EqualTo(words), "the accepted words stand at the anchor");
                    Assert.That(acceptance.Superseded.Select(a => a.Id), Has.No.Member(amendment.Id));
                }

                return (outcome.Refusal, NegotiationAction.Accept, null, outcome.Succeeded ? outcome.Value.Negotiation : null);
            }
        }
    }

    private static AmendmentProposal RandomProposal(SeedTable table, Random random, DelegationId proposer)
    {
        var text = table.Live.Text;
        var start = random.Next(text.Length - 1);
        var end = Math.Min(text.Length, start + 1 + random.Next(30));
        var kind = (AmendmentKind)random.Next(4);
        return kind switch
        {
            AmendmentKind.Insert => new AmendmentProposal(kind, table.Live.Anchor(start, start), "", ["new words "], proposer, [], ""),
            AmendmentKind.Delete => new AmendmentProposal(kind, table.Live.Anchor(start, end), text[start..end], [], proposer, [], ""),
            AmendmentKind.Replace => new AmendmentProposal(kind, table.Live.Anchor(start, end), text[start..end], ["other words"], proposer, [], ""),
            _ => new AmendmentProposal(kind, table.Live.Anchor(start, end), text[start..end], [text[start..end], "another way"], proposer, [], ""),
        };
    }

    private static void CheckInvariants(NegotiationState before, NegotiationState after, SeedTable table, int step)
    {
        Assert.That(after.History.Count, Is.GreaterThan(before.History.Count), $"step {step}: a change is recorded");
        Assert.That(after.History.Take(before.History.Count), Is.EqualTo(before.History), $"step {step}: the history only grows");
        Assert.That(after.History.Select(e => e.Sequence), Is.EqualTo(Enumerable.Range(1, after.History.Count).Select(i => (long)i)));

        var old = before.FindDocument(table.Document)!;
        var now = after.FindDocument(table.Document)!;
        foreach (var amendment in old.Amendments.Where(a => !a.IsOpen))
        {
            Assert.That(now.FindAmendment(amendment.Id), Is.SameAs(amendment), $"step {step}: a decided amendment never moves");
        }

        Assert.That(now.Positions.Take(old.Positions.Count), Is.EqualTo(old.Positions), $"step {step}: positions are never rewritten");
        Assert.That(now.Revisions.Take(old.Revisions.Count), Is.EqualTo(old.Revisions), $"step {step}: revisions are never rewritten");
        Assert.That(old.IsAdopted, Is.False, $"step {step}: nothing succeeds after adoption");
    }
}
