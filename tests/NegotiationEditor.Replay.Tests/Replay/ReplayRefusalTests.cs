using System.Text.Json.Nodes;
using NegotiationEditor.Cli.Replay;
using NegotiationEditor.Negotiation.Scenarios;
using NegotiationEditor.Replay.Tests.Support;

namespace NegotiationEditor.Replay.Tests.Replay;

public sealed class ReplayRefusalTests
{
    [Test]
    public void A_scenario_that_contradicts_its_manifest_is_refused_before_the_server_is_asked_anything()
    {
        var folder = Directory.CreateTempSubdirectory("scenario-copy-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(SampleFiles.Folder))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
            var scenario = JsonNode.Parse(File.ReadAllText(SampleFiles.Scenario))!;
            var events = scenario["events"]!.AsArray();
            var iranSupportsGreece = events.First(e => (string?)e!["kind"] == "position" && (string?)e["amendment"] == "greece-bearing-in-mind" && (string?)e["delegation"] == "Iran");
            events.Remove(iranSupportsGreece);
            var path = Path.Combine(folder, "scenario.json");
            File.WriteAllText(path, scenario.ToJsonString());

            // Nothing listens on port 9 and there is no invites file: the refusal must come first.
            Assert.That(async () => await ReplayCommand.RunAsync(path, new Uri("http://127.0.0.1:9/"), Path.Combine(folder, "no-invites.csv"), 0, TextWriter.Null),
                Throws.TypeOf<ScenarioException>().With.Message.Contains("does not hold").And.Message.Contains("greece-bearing-in-mind: supporters"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void An_invites_file_without_its_header_is_refused_with_its_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"invites-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "chair,,http://127.0.0.1:5080/#invite=abc\n");
        try
        {
            Assert.That(() => ReplayInvites.Read(path, new Uri("http://127.0.0.1:5080/")),
                Throws.TypeOf<ScenarioException>().With.Message.Contains(path).And.Message.Contains("role,delegation,url"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
