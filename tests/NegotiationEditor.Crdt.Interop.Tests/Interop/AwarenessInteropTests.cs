using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Seeded random awareness scripts (local states, peer updates with older, equal and newer clocks,
/// removals, attempts to remove the local client, encodings) run on our <see cref="Awareness"/> and
/// on y-protocols' Awareness; after every step the states, clocks, events and encoded bytes must be
/// the same.
/// </summary>
public sealed class AwarenessInteropTests
{
    private const ulong Local = 20;
    private static readonly ulong[] Clients = [Local, 7, 4_000_000_000, 31];

    [Test]
    public void Random_awareness_scripts_give_the_same_states_clocks_events_and_bytes_as_y_protocols()
    {
        const int firstSeed = 100;
        const int scripts = 25;
        var ops = new JsonArray();
        var expected = new List<List<JsonObject>>();
        for (var seed = firstSeed; seed < firstSeed + scripts; seed++)
        {
            var (steps, results) = RunScript(seed, 40);
            ops.Add(new JsonObject { ["op"] = "awareness", ["clientId"] = Local, ["steps"] = steps });
            expected.Add(results);
        }

        var answer = NodeYjs.Run("protocol.mjs", new JsonObject { ["ops"] = ops })["results"]!.AsArray();

        for (var script = 0; script < scripts; script++)
        {
            var yjsSteps = answer[script]!["steps"]!.AsArray();
            for (var step = 0; step < expected[script].Count; step++)
            {
                var ours = expected[script][step];
                var theirs = yjsSteps[step]!;
                Assert.That(ours.ToJsonString(), Is.EqualTo(theirs.ToJsonString()),
                    $"seed {firstSeed + script}, step {step}: {ops[script]!["steps"]![step]!.ToJsonString()}");
            }
        }
    }

    [Test]
    public void An_update_written_by_y_protocols_is_applied_here_as_there()
    {
        var golden = GoldenVectors.Get("awareness", "awareness_update_state");
        var awareness = new Awareness(Local);

        awareness.ApplyUpdate(golden.Bytes, "remote");

        var yjs = NodeYjs.Run("protocol.mjs", new JsonObject
        {
            ["ops"] = new JsonArray(new JsonObject
            {
                ["op"] = "awareness",
                ["clientId"] = 99,
                ["steps"] = new JsonArray(new JsonObject { ["apply"] = Hex.Encode(golden.Bytes) }, new JsonObject { ["encode"] = new JsonArray(20) }),
            }),
        })["results"]![0]!["steps"]![1]!;
        Assert.That(Hex.Encode(awareness.EncodeUpdate([20])), Is.EqualTo((string)yjs["encoded"]!));
    }

    private static (JsonArray Steps, List<JsonObject> Results) RunScript(int seed, int length)
    {
        var random = new Random(seed);
        var awareness = new Awareness(Local);
        var events = new JsonArray();
        awareness.Changed += (_, change) => events.Add(Describe("change", change));
        awareness.Updated += (_, change) => events.Add(Describe("update", change));
        var steps = new JsonArray();
        var results = new List<JsonObject>();
        for (var i = 0; i < length; i++)
        {
            events.Clear();
            JsonObject step;
            string? encoded = null;
            switch (random.Next(10))
            {
                case 0 or 1:
                {
                    var state = random.Next(8) == 0 ? null : RandomState(random);
                    step = new JsonObject { ["setLocal"] = state };
                    awareness.SetLocalState(state);
                    break;
                }
                case 2:
                {
                    var clients = Clients.Where(_ => random.Next(3) == 0).ToArray();
                    step = new JsonObject { ["remove"] = new JsonArray(clients.Select(c => (JsonNode)c).ToArray()) };
                    awareness.RemoveStates(clients, "remote");
                    break;
                }
                case 3:
                {
                    var clients = awareness.Meta.Keys.Where(_ => random.Next(2) == 0).Reverse().ToArray();
                    step = new JsonObject { ["encode"] = new JsonArray(clients.Select(c => (JsonNode)c).ToArray()) };
                    encoded = Hex.Encode(awareness.EncodeUpdate(clients));
                    break;
                }
                default:
                {
                    var entries = new List<AwarenessEntry>();
                    for (var n = random.Next(1, 4); n > 0; n--)
                    {
                        var client = Clients[random.Next(Clients.Length)];
                        var known = awareness.Meta.TryGetValue(client, out var meta) ? meta.Clock : 0;
                        var clock = (ulong)Math.Max(0, (long)known + random.Next(-1, 3));
                        entries.Add(new AwarenessEntry(client, clock, random.Next(3) == 0 ? null : RandomState(random)));
                    }
                    var update = AwarenessUpdate.Write(entries);
                    step = new JsonObject { ["apply"] = Hex.Encode(update) };
                    awareness.ApplyUpdate(update, "remote");
                    break;
                }
            }
            steps.Add(step);
            results.Add(new JsonObject
            {
                ["states"] = new JsonArray(awareness.States.Select(s => (JsonNode)new JsonArray(s.Key, s.Value)).ToArray()),
                ["clocks"] = new JsonArray(awareness.Meta.Select(m => (JsonNode)new JsonArray(m.Key, m.Value.Clock)).ToArray()),
                ["events"] = events.DeepClone(),
                ["encoded"] = encoded,
            });
        }
        return (steps, results);
    }

    private static JsonObject Describe(string kind, AwarenessChange change) => new()
    {
        ["kind"] = kind,
        ["added"] = Sorted(change.Added),
        ["updated"] = Sorted(change.Updated),
        ["removed"] = Sorted(change.Removed),
        ["origin"] = change.Origin?.ToString(),
    };

    private static JsonArray Sorted(IEnumerable<ulong> ids) => new(ids.Order().Select(id => (JsonNode)id).ToArray());

    private static string RandomState(Random random) => random.Next(3) switch
    {
        0 => "{}",
        1 => $$$"""{"user":{"name":"delegate {{{random.Next(100)}}}","color":"#{{{random.Next(0x1000000):x6}}}"}}""",
        _ => $$$"""{"cursor":{"anchor":{{{random.Next(50)}}},"head":{{{random.Next(50)}}}},"typing":{{{(random.Next(2) == 0 ? "true" : "false")}}}}""",
    };
}
