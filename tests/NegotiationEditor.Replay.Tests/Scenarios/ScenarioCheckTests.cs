using NegotiationEditor.Negotiation.Scenarios;
using NegotiationEditor.Replay.Tests.Support;

namespace NegotiationEditor.Replay.Tests.Scenarios;

public sealed class ScenarioCheckTests
{
    private static Scenario Day => Scenario.Load(SampleFiles.Scenario);

    [Test]
    public void The_scenario_has_every_amendment_of_the_manifest_with_its_proposers_supporters_and_opponents()
    {
        Assert.That(ScenarioCheck.AgainstManifest(Day), Is.Empty);
    }

    [Test]
    public void Every_quote_of_the_scenario_is_in_the_transcript_at_the_lines_it_cites()
    {
        Assert.That(ScenarioCheck.AgainstTranscript(Day, SampleFiles.Transcript), Is.Empty);
    }

    [Test]
    public void The_chairs_edits_and_the_accepted_amendments_turn_the_texts_into_each_printed_version_and_the_final_text()
    {
        Assert.That(ScenarioCheck.WalkTexts(Day), Is.Empty);
    }

    [Test]
    public void The_scenario_circulates_both_printed_versions_and_adopts_the_final_text()
    {
        var day = Day;
        Assert.Multiple(() =>
        {
            Assert.That(day.Events.Where(e => e.Kind == EventKind.Circulate).Select(e => e.Version), Is.EqualTo(new[] { "printed-version-1", "printed-version-2" }));
            Assert.That(day.Events.Last().Kind, Is.EqualTo(EventKind.Adopt));
            Assert.That(day.Events.Last().Version, Is.EqualTo("final-text"));
        });
    }

    [Test]
    public void Each_delegation_and_stakeholder_joins_as_its_own_participant()
    {
        var day = Day;
        var joined = day.Events.Where(e => e.Kind == EventKind.Join).Select(e => e.Participant).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(joined, Is.Unique);
            Assert.That(joined, Is.EquivalentTo(day.Participants.Select(p => p.Name)));
            Assert.That(day.Participants.Where(p => p.Delegation is not null).Select(p => p.Delegation), Is.Unique);
        });
    }

    [Test]
    public void A_swapped_supporter_is_reported_against_the_manifest()
    {
        var day = Day;
        var events = day.Events.Select(e => e.Kind == EventKind.Position && e.Amendment == "greece-bearing-in-mind" && e.Delegation == "Iran"
            ? e with { Delegation = "Cuba" } : e).ToList();
        var problems = ScenarioCheck.AgainstManifest(day with { Events = events });
        Assert.That(problems, Has.Some.Contains("greece-bearing-in-mind: supporters"));
    }

    [Test]
    public void An_edit_that_misses_the_printed_text_is_reported()
    {
        var day = Day;
        var events = day.Events.Select(e => e.Kind == EventKind.Edit && e.Replacements.Any(r => r.Find == "should be ensured.")
            ? e with { Replacements = [.. e.Replacements.Where(r => r.Find != "should be ensured.")] } : e).ToList();
        var problems = ScenarioCheck.WalkTexts(day with { Events = events });
        Assert.That(problems, Has.Some.StartsWith("adopt at 20:45: the text of printed-version-1 is not final-text"));
    }

    [Test]
    public void The_Chairs_six_amendments_are_played_as_chairs_proposals_and_only_amendments_without_wording_stay_off_the_server()
    {
        var day = Day;
        var chairs = day.Events.Where(e => e.Kind == EventKind.Propose && e.Proposers.FirstOrDefault() == Scenario.Chair).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(chairs.Select(e => e.Amendment), Is.EquivalentTo(new[]
            {
                "chair-drop-advisory", "chair-balanced-developing-developed", "chair-five-each",
                "chair-consensus-paragraph", "chair-delete-rules-of-procedure", "chair-last-paragraph",
            }));
            Assert.That(chairs.Select(e => e.OffServer), Is.All.Null);
            Assert.That(day.Events.Where(e => e.Kind == EventKind.Propose && e.OffServer is not null).Select(e => e.Amendment),
                Is.EquivalentTo(new[] { "south-africa-merge-academic-civil-society", "deletion-intergovernmental-nature" }));
        });
    }

    [Test]
    public void A_proposal_naming_the_Chair_after_a_delegation_is_refused()
    {
        var proposal = Day.Proposals["chair-delete-rules-of-procedure"];

        var problem = (proposal with { Proposers = ["EU", Scenario.Chair, "Mexico"] }).Problem();

        Assert.That(problem, Is.EqualTo("the Chair is named first when it proposes: the delegations after it are co-sponsors"));
    }

    [Test]
    public void A_file_that_is_not_a_scenario_is_refused_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"events\": 3}");
        try
        {
            Assert.That(() => Scenario.Load(path), Throws.TypeOf<ScenarioException>().With.Message.Contains(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void An_event_that_cites_no_line_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-lines-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"title\":\"t\",\"meetingDate\":\"2010-12-17\",\"transcript\":\"x\",\"manifest\":\"manifest.json\",\"participants\":[],\"events\":[{\"at\":\"10:00\",\"kind\":\"join\",\"participant\":\"Chair\"}]}");
        try
        {
            Assert.That(() => Scenario.Load(path), Throws.TypeOf<ScenarioException>().With.Message.Contains("cites no transcript line"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
