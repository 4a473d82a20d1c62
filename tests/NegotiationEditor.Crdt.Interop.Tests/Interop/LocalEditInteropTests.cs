using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Seeded random edit scripts run on C# peers and on yjs peers (tests/interop/edit-script.mjs):
/// the same inserts, deletes, formats, map and array edits and state-vector syncs must produce the
/// same update events byte for byte, so that our local edits pick the same neighbours, origins
/// and formatting items as yjs does, and not only integrate yjs's updates the same way.
/// </summary>
public sealed class LocalEditInteropTests
{
    private const int Scripts = 10;

    public enum Style
    {
        Typing,
        RichText,
        MapsAndArrays,
    }

    [TestCase(9000, Style.Typing, 1, 600, TestName = "Typing_with_backspaces_and_jumps_gives_the_update_events_yjs_gives")]
    [TestCase(9100, Style.Typing, 3, 200, TestName = "Three_peers_typing_and_syncing_give_the_update_events_yjs_gives")]
    [TestCase(9200, Style.RichText, 3, 150, TestName = "Formatting_and_embeds_give_the_update_events_yjs_gives")]
    [TestCase(9300, Style.MapsAndArrays, 3, 150, TestName = "Map_and_array_edits_give_the_update_events_yjs_gives")]
    public void Scripts_give_the_same_update_events_as_yjs(int firstSeed, Style style, int peerCount, int steps)
    {
        var scripts = Enumerable.Range(firstSeed, InteropScale.Times(Scripts)).Select(seed => Script.Run(seed, style, peerCount, steps)).ToList();

        var results = NodeYjs.Run("edit-script.mjs", new JsonObject
        {
            ["scripts"] = new JsonArray(scripts.Select(s => (JsonNode)new JsonObject { ["peers"] = new JsonArray(s.ClientIds.Select(id => (JsonNode)id).ToArray()), ["steps"] = s.Steps }).ToArray()),
        })["results"]!.AsArray();

        var failures = new List<string>();
        for (var i = 0; i < scripts.Count; i++)
        {
            var script = scripts[i];
            for (var peer = 0; peer < script.ClientIds.Length; peer++)
            {
                var yjsPeer = results[i]!["peers"]![peer]!;
                var theirs = yjsPeer["events"]!.AsArray().Select(e => (string)e!).ToList();
                var ours = script.Events[peer];
                var same = ours.Zip(theirs).TakeWhile(p => p.First.Hex == p.Second).Count();
                if (same < Math.Max(ours.Count, theirs.Count))
                {
                    var step = same < ours.Count ? ours[same].Step : -1;
                    failures.Add($"seed {script.Seed}, peer {peer} (client {script.ClientIds[peer]}): update event {same} differs"
                        + (step >= 0 ? $", made by step {step}: {script.Steps[step]!.ToJsonString()}" : "")
                        + $"\n  C#  {(same < ours.Count ? ours[same].Hex : "(none)")}\n  yjs {(same < theirs.Count ? theirs[same] : "(none)")}");
                    continue;
                }
                failures.AddRange(YjsDocView.Differences(script.Peers[peer], yjsPeer["doc"]!).Select(d => $"seed {script.Seed}, peer {peer}: {d}"));
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));
    }

    private sealed class Script
    {
        private static readonly string[] Words = ["the ", "Member States ", "shall", "[may] ", ",", "é", "世界", "Ω", "\n"];
        private readonly Random _random;
        private readonly Style _style;
        private readonly int[] _cursors;

        private Script(int seed, Style style, int peerCount)
        {
            Seed = seed;
            _random = new Random(seed);
            _style = style;
            _cursors = new int[peerCount];
            ClientIds = Enumerable.Range(0, peerCount).Select(i => i == 0 ? 0xDEADBEEFUL : (ulong)_random.NextInt64(0, 1L << 32)).Distinct().ToArray();
            Peers = ClientIds.Select(id => new YDoc(id)).ToArray();
            Events = Peers.Select(_ => new List<(string Hex, int Step)>()).ToArray();
            for (var p = 0; p < Peers.Length; p++)
            {
                var events = Events[p];
                Peers[p].Updated += (_, e) => events.Add((Hex.Encode(e.Update), Steps.Count - 1));
            }
        }

        public int Seed { get; }

        public ulong[] ClientIds { get; }

        public YDoc[] Peers { get; }

        public List<(string Hex, int Step)>[] Events { get; }

        public JsonArray Steps { get; } = [];

        public static Script Run(int seed, Style style, int peerCount, int steps)
        {
            var script = new Script(seed, style, peerCount);
            for (var i = 0; i < steps; i++)
            {
                script.Step();
            }
            return script;
        }

        private void Step()
        {
            if (Peers.Length > 1 && _random.Next(10) < 3)
            {
                var from = _random.Next(Peers.Length);
                var to = (from + 1 + _random.Next(Peers.Length - 1)) % Peers.Length;
                Steps.Add(new JsonObject { ["sync"] = new JsonArray(from, to) });
                Y.ApplyUpdate(Peers[to], Y.EncodeStateAsUpdate(Peers[from], Y.EncodeStateVector(Peers[to])), "sync");
                return;
            }
            var peer = _random.Next(Peers.Length);
            var doc = Peers[peer];
            var ops = new JsonArray();
            Steps.Add(new JsonObject { ["peer"] = peer, ["tx"] = ops });
            doc.Transact(_ =>
            {
                for (var n = _random.Next(4) == 0 ? _random.Next(2, 4) : 1; n > 0; n--)
                {
                    var op = _style switch
                    {
                        Style.Typing => Typing(peer, doc.GetText("t")),
                        Style.RichText => RichText(doc.GetText("t")),
                        _ => MapOrArray(doc),
                    };
                    if (op is not null)
                    {
                        ops.Add(op);
                    }
                }
            });
        }

        private JsonArray? Typing(int peer, YText text)
        {
            var length = text.Length;
            var cursor = Math.Min(_cursors[peer], length);
            if (_random.Next(20) == 0)
            {
                cursor = _random.Next(length + 1);
            }
            if (cursor > 0 && _random.Next(5) == 0)
            {
                var count = Math.Min(cursor, _random.Next(1, 4));
                text.Delete(cursor - count, count);
                _cursors[peer] = cursor - count;
                return new JsonArray("delete", cursor - count, count);
            }
            if (length > cursor && _random.Next(15) == 0)
            {
                var count = Math.Min(length - cursor, _random.Next(1, 6));
                text.Delete(cursor, count);
                _cursors[peer] = cursor;
                return new JsonArray("delete", cursor, count);
            }
            var word = Words[_random.Next(Words.Length)];
            var piece = _random.Next(3) == 0 ? word : word[..1];
            text.Insert(cursor, piece);
            _cursors[peer] = cursor + piece.Length;
            return new JsonArray("insert", cursor, piece, null);
        }

        private JsonArray? RichText(YText text)
        {
            var length = text.Length;
            var choice = _random.Next(10);
            if (choice < 4 || length == 0)
            {
                var index = _random.Next(length + 1);
                var piece = Words[_random.Next(Words.Length)];
                if (_random.Next(3) == 0)
                {
                    var attributes = Attributes();
                    text.Insert(index, piece, ToDictionary(attributes));
                    return new JsonArray("insert", index, piece, attributes);
                }
                text.Insert(index, piece);
                return new JsonArray("insert", index, piece, null);
            }
            if (choice == 4)
            {
                var index = _random.Next(length + 1);
                var footnote = _random.Next(9);
                text.InsertEmbed(index, new Dictionary<string, object?> { ["footnote"] = (long)footnote });
                return new JsonArray("embed", index, new JsonObject { ["footnote"] = footnote });
            }
            var start = _random.Next(length);
            var count = _random.Next(1, Math.Min(6, length - start) + 1);
            if (choice < 7)
            {
                text.Delete(start, count);
                return new JsonArray("delete", start, count);
            }
            var format = Attributes();
            text.Format(start, count, ToDictionary(format));
            return new JsonArray("format", start, count, format);
        }

        private JsonObject Attributes() => _random.Next(4) switch
        {
            0 => new JsonObject { ["bold"] = true },
            1 => new JsonObject { ["bold"] = null },
            2 => new JsonObject { ["color"] = "#00f" },
            _ => new JsonObject { ["italic"] = true, ["amendment"] = "Brazil" },
        };

        private JsonArray? MapOrArray(YDoc doc)
        {
            if (_random.Next(2) == 0)
            {
                var map = doc.GetMap("m");
                var key = new[] { "a", "b", "c", "chair" }[_random.Next(4)];
                if (_random.Next(5) == 0)
                {
                    map.Delete(key);
                    return new JsonArray("mapDelete", key);
                }
                var value = Value();
                map.Set(key, FromJson(value));
                return new JsonArray("mapSet", key, value);
            }
            var array = doc.GetArray("a");
            var length = array.Length;
            if (length > 0 && _random.Next(3) == 0)
            {
                var index = _random.Next(length);
                var count = _random.Next(1, Math.Min(3, length - index) + 1);
                array.Delete(index, count);
                return new JsonArray("arrayDelete", index, count);
            }
            var at = _random.Next(length + 1);
            var values = new JsonArray(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Value()).ToArray());
            array.Insert(at, values.Select(FromJson).ToArray());
            return new JsonArray("arrayInsert", at, values);
        }

        private JsonNode? Value() => _random.Next(9) switch
        {
            0 => _random.Next(-100, 101),
            1 => new[] { 2147483648d, 0.5, 0.1, -2.25, 4294967296d }[_random.Next(5)],
            2 => "para " + _random.Next(50),
            3 => _random.Next(2) == 0,
            4 => null,
            5 => new JsonObject { ["name"] = "Brazil", ["10"] = "ten", ["2"] = "two" },
            6 => new JsonArray(_random.Next(10), "amendment"),
            7 => new JsonObject { ["$bytes"] = Hex.Encode(Enumerable.Range(0, _random.Next(4)).Select(_ => (byte)_random.Next(256)).ToArray()) },
            _ => _random.Next(int.MinValue + 1, int.MaxValue),
        };

        private static object? FromJson(JsonNode? node) => node switch
        {
            null => null,
            JsonObject o when o.ContainsKey("$bytes") => Hex.Decode((string)o["$bytes"]!),
            JsonObject o => o.ToDictionary(e => e.Key, e => FromJson(e.Value)),
            JsonArray a => a.Select(FromJson).ToList(),
            _ => FromJson(System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement),
        };

        // JavaScript has one number type: integers (as yjs writes them) become long, the rest double.
        private static object? FromJson(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.String => element.GetString(),
            System.Text.Json.JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
            System.Text.Json.JsonValueKind.Number => element.GetDouble(),
            _ => throw new ArgumentException($"Unexpected JSON {element}"),
        };

        private static Dictionary<string, object?> ToDictionary(JsonObject attributes) => attributes.ToDictionary(e => e.Key, e => FromJson(e.Value));
    }
}
