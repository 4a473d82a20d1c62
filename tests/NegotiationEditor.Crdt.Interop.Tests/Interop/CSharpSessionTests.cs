using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Random multi-client sessions made here: 3-5 C# peers edit a text, a map and an array (with
/// formatting, embeds, binary values and nested types, as each case allows) concurrently and exchange
/// their update events reordered and duplicated, then sync by state vector. All peers must
/// converge; and every recorded update, applied by yjs (tests/interop/apply-updates.mjs) in the
/// order made and in a shuffled order, must give the text, state vector, encoded state and update
/// events that a C# observer document gets from the same updates in the same order.
/// </summary>
public sealed class CSharpSessionTests
{
    private const int Sessions = 12;
    private const int Steps = 120;
    private const string Remote = "remote";
    private static readonly string[] Keys = ["a", "b", "c", "num", "list", "child"];
    private static readonly string[] Pieces = ["a", "the ", "Member States", "[shall]", "é", "世界", "Ω", "😀", "👍🏽", "\u00a0"];

    [Flags]
    public enum Edits
    {
        Text = 1,
        Formatting = 2,
        Embeds = 4,
        Maps = 8,
        Arrays = 16,
        Nested = 32,
    }

    [TestCase(8000, Edits.Text, TestName = "Random_text_sessions_made_here_give_yjs_the_same_text_state_vector_bytes_and_events")]
    [TestCase(8100, Edits.Text | Edits.Formatting | Edits.Embeds, TestName = "Random_sessions_with_formatting_and_embeds_made_here_give_yjs_the_same_bytes_and_events")]
    [TestCase(8200, Edits.Maps | Edits.Arrays, TestName = "Random_map_and_array_sessions_made_here_give_yjs_the_same_bytes_and_events")]
    [TestCase(8300, Edits.Text | Edits.Maps | Edits.Arrays | Edits.Nested, TestName = "Random_sessions_with_nested_types_made_here_give_yjs_the_same_bytes_and_events")]
    public void Sessions_made_here_read_the_same_in_yjs(int firstSeed, Edits edits)
    {
        var sessions = Enumerable.Range(firstSeed, InteropScale.Times(Sessions)).Select(seed => Session.Generate(seed, edits)).ToList();
        var failures = sessions.Where(s => s.Diverged is not null).Select(s => $"seed {s.Seed}: C# peers did not converge: {s.Diverged}").ToList();
        var input = new JsonArray();
        foreach (var session in sessions)
        {
            foreach (var order in session.Orders)
            {
                input.Add(new JsonObject
                {
                    ["updates"] = new JsonArray(order.Select(i => (JsonNode)Hex.Encode(session.Updates[i])).ToArray()),
                    ["roots"] = new JsonObject { ["texts"] = edits.HasFlag(Edits.Text) ? new JsonArray("t") : new JsonArray() },
                });
            }
        }

        var results = NodeYjs.Run("apply-updates.mjs", new JsonObject { ["sessions"] = input })["results"]!.AsArray();

        var r = 0;
        foreach (var session in sessions)
        {
            foreach (var (order, name) in session.Orders.Zip(new[] { "made", "shuffled" }))
            {
                var yjs = results[r++]!;
                var observer = new YDoc(1);
                var events = new List<string>();
                observer.Updated += (_, e) => events.Add(Hex.Encode(e.Update));
                foreach (var index in order)
                {
                    Y.ApplyUpdate(observer, session.Updates[index]);
                }
                var differences = YjsDocView.Differences(observer, yjs);
                var yjsEvents = yjs["events"]!.AsArray().Select(e => (string)e!).ToList();
                if (!events.SequenceEqual(yjsEvents))
                {
                    var at = events.Zip(yjsEvents).TakeWhile(p => p.First == p.Second).Count();
                    differences.Add($"update events differ from event {at} on ({events.Count} here, {yjsEvents.Count} in yjs)");
                }
                if (yjs["errors"]!.AsArray().Count > 0)
                {
                    differences.Add($"yjs could not apply: {yjs["errors"]!.ToJsonString()}");
                }
                if (differences.Count > 0)
                {
                    failures.Add($"seed {session.Seed}, {name} order ({session.Updates.Count} updates):\n  " + string.Join("\n  ", differences));
                }
            }
        }
        Assert.That(failures, Is.Empty, string.Join("\n\n", failures.Take(3)));
    }

    private sealed class Session
    {
        private readonly Random _random;
        private readonly Edits _edits;

        private Session(int seed, Edits edits)
        {
            Seed = seed;
            _random = new Random(seed);
            _edits = edits;
        }

        public int Seed { get; }

        public List<byte[]> Updates { get; } = [];

        public List<int[]> Orders { get; } = [];

        public string? Diverged { get; private set; }

        public static Session Generate(int seed, Edits edits)
        {
            var session = new Session(seed, edits);
            session.Run();
            return session;
        }

        private void Run()
        {
            var ids = new List<ulong>();
            var count = _random.Next(3, 6);
            while (ids.Count < count)
            {
                var id = _random.Next(3) switch
                {
                    0 => (ulong)_random.Next(10),
                    1 => (ulong)_random.NextInt64(0, 1L << 32),
                    _ => (ulong)_random.NextInt64(1L << 31, 1L << 32),
                };
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
            var peers = ids.Select(id => new YDoc(id)).ToList();
            var inboxes = peers.Select(_ => new List<byte[]>()).ToList();
            for (var p = 0; p < peers.Count; p++)
            {
                var sender = p;
                peers[p].Updated += (_, e) =>
                {
                    if (Equals(e.Origin, Remote))
                    {
                        return;
                    }
                    Updates.Add(e.Update);
                    for (var receiver = 0; receiver < inboxes.Count; receiver++)
                    {
                        if (receiver != sender)
                        {
                            inboxes[receiver].Add(e.Update);
                        }
                    }
                };
            }
            for (var step = 0; step < Steps; step++)
            {
                var waiting = Enumerable.Range(0, peers.Count).Where(i => inboxes[i].Count > 0).ToList();
                if (waiting.Count > 0 && _random.Next(10) < 4)
                {
                    Deliver(peers, inboxes, waiting[_random.Next(waiting.Count)], duplicates: true);
                    continue;
                }
                var peer = peers[_random.Next(peers.Count)];
                if (_random.Next(4) == 0)
                {
                    peer.Transact(_ =>
                    {
                        for (var n = _random.Next(2, 5); n > 0; n--)
                        {
                            Edit(peer);
                        }
                    });
                }
                else
                {
                    Edit(peer);
                }
            }
            for (var waiting = inboxes.FindIndex(i => i.Count > 0); waiting >= 0; waiting = inboxes.FindIndex(i => i.Count > 0))
            {
                Deliver(peers, inboxes, waiting, duplicates: false);
            }
            foreach (var a in peers)
            {
                foreach (var b in peers.Where(b => b != a))
                {
                    Y.ApplyUpdate(b, Y.EncodeStateAsUpdate(a, Y.EncodeStateVector(b)), Remote);
                }
            }
            var texts = peers.Select(p => Hex.Encode(Y.EncodeStateVector(p)) + " " + p.GetText("t").ToString()).Distinct().ToList();
            if (texts.Count > 1)
            {
                Diverged = string.Join(" | ", texts);
            }
            var made = Enumerable.Range(0, Updates.Count).ToArray();
            Orders.Add(made);
            Orders.Add(made.OrderBy(_ => _random.Next()).ToArray());
        }

        private void Deliver(List<YDoc> peers, List<List<byte[]>> inboxes, int receiver, bool duplicates)
        {
            var inbox = inboxes[receiver];
            var index = _random.Next(inbox.Count);
            var update = inbox[index];
            inbox.RemoveAt(index);
            if (duplicates && _random.Next(20) == 0)
            {
                inbox.Add(update);
            }
            Y.ApplyUpdate(peers[receiver], update, Remote);
        }

        private void Edit(YDoc doc)
        {
            var kinds = new List<Edits>();
            if (_edits.HasFlag(Edits.Text))
            {
                kinds.AddRange([Edits.Text, Edits.Text, Edits.Text]);
            }
            if (_edits.HasFlag(Edits.Maps))
            {
                kinds.Add(Edits.Maps);
            }
            if (_edits.HasFlag(Edits.Arrays))
            {
                kinds.Add(Edits.Arrays);
            }
            switch (kinds[_random.Next(kinds.Count)])
            {
                case Edits.Text:
                    Edit(doc.GetText("t"));
                    break;
                case Edits.Maps:
                    Edit(doc.GetMap("m"));
                    break;
                default:
                    Edit(doc.GetArray("a"));
                    break;
            }
        }

        private void Edit(YMap map)
        {
            var key = Keys[_random.Next(Keys.Length)];
            if (_edits.HasFlag(Edits.Nested) && key == "child")
            {
                switch (map.Get("child"))
                {
                    case YMap child when _random.Next(2) == 0:
                        child.Set(_random.Next(2) == 0 ? "p" : "q", RandomValue());
                        return;
                    case YArray child when _random.Next(2) == 0:
                        Edit(child);
                        return;
                    case YText child when _random.Next(2) == 0:
                        Edit(child);
                        return;
                    default:
                        map.Set("child", _random.Next(3) switch
                        {
                            0 => YMap.CreateDetached(),
                            1 => YArray.CreateDetached(),
                            _ => YText.CreateDetached(),
                        });
                        return;
                }
            }
            if (_random.Next(5) == 0)
            {
                map.Delete(key);
            }
            else
            {
                map.Set(key, RandomValue());
            }
        }

        private void Edit(YArray array)
        {
            var length = array.Length;
            var choice = _random.Next(6);
            if (choice < 3 || length == 0)
            {
                var values = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => RandomValue()).ToArray();
                array.Insert(_random.Next(length + 1), values);
            }
            else if (choice < 5)
            {
                var index = _random.Next(length);
                array.Delete(index, _random.Next(1, Math.Min(3, length - index) + 1));
            }
            else
            {
                array.Push(RandomValue());
            }
        }

        private object? RandomValue() => _random.Next(12) switch
        {
            0 => (long)_random.Next(-100, 101),
            1 => (long)_random.Next(int.MinValue + 1, int.MaxValue),
            2 => new[] { 2147483648d, -2147483648d, 4294967296d, 9007199254740991d }[_random.Next(4)],
            3 => new[] { 0.5, 0.1, -2.25, 1e-7, 3.14159 }[_random.Next(5)],
            4 => Pieces[_random.Next(Pieces.Length)],
            5 => _random.Next(2) == 0,
            6 => null,
            7 => new Dictionary<string, object?> { ["x"] = (long)_random.Next(10), ["y"] = "delegation", ["z"] = new List<object?> { true } },
            8 => new List<object?> { (long)_random.Next(10), "amendment" },
            9 => Enumerable.Range(0, _random.Next(5)).Select(_ => (byte)_random.Next(256)).ToArray(),
            10 => new Dictionary<string, object?> { ["name"] = "Brazil", ["10"] = "ten", ["2"] = "two" },
            _ => "para " + _random.Next(100),
        };

        private void Edit(YText text)
        {
            var length = text.Length;
            var choice = _random.Next(10);
            if (choice < 5 || length == 0)
            {
                var index = Boundary(text, _random.Next(length + 1));
                var piece = Pieces[_random.Next(Pieces.Length)];
                if (_edits.HasFlag(Edits.Formatting) && _random.Next(4) == 0)
                {
                    text.Insert(index, piece, RandomAttributes());
                }
                else if (_edits.HasFlag(Edits.Embeds) && _random.Next(7) == 0)
                {
                    text.InsertEmbed(index, new Dictionary<string, object?> { ["footnote"] = (long)_random.Next(10) });
                }
                else
                {
                    text.Insert(index, piece);
                }
                return;
            }
            var start = Boundary(text, _random.Next(length));
            var end = Boundary(text, Math.Min(length, start + _random.Next(1, 6)));
            if (end <= start)
            {
                end = Boundary(text, Math.Min(length, start + 2));
            }
            if (end <= start)
            {
                return;
            }
            if (choice < 8 || !_edits.HasFlag(Edits.Formatting))
            {
                text.Delete(start, end - start);
            }
            else
            {
                text.Format(start, end - start, RandomAttributes());
            }
        }

        private Dictionary<string, object?> RandomAttributes() => _random.Next(4) switch
        {
            0 => new() { ["bold"] = true },
            1 => new() { ["bold"] = null },
            2 => new() { ["color"] = "#00f" },
            _ => new() { ["italic"] = true, ["amendment"] = "Brazil" },
        };

        // Editors never cut a surrogate pair (yjs diverges when one is cut), so indices move to a
        // code point boundary; embeds take one position but are missing from ToString().
        private static int Boundary(YText text, int index)
        {
            var s = string.Concat(text.ToDelta().Select(op => op.Insert as string ?? "\ufffc"));
            return index > 0 && index < s.Length && char.IsHighSurrogate(s[index - 1]) && char.IsLowSurrogate(s[index]) ? index - 1 : index;
        }
    }
}
