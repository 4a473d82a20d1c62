using System.Text.Json.Nodes;
using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Random multi-client sessions made here: 3-5 C# peers edit a text concurrently and exchange
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
    private static readonly string[] Pieces = ["a", "the ", "Member States", "[shall]", "é", "世界", "Ω", "😀", "👍🏽", "\u00a0"];

    [TestCase(8000, false, TestName = "Random_text_sessions_made_here_give_yjs_the_same_text_state_vector_bytes_and_events")]
    [TestCase(8100, true, TestName = "Random_sessions_with_formatting_made_here_give_yjs_the_same_bytes_and_events")]
    public void Sessions_made_here_read_the_same_in_yjs(int firstSeed, bool formatting)
    {
        var sessions = Enumerable.Range(firstSeed, Sessions).Select(seed => Session.Generate(seed, formatting)).ToList();
        var failures = sessions.Where(s => s.Diverged is not null).Select(s => $"seed {s.Seed}: C# peers did not converge: {s.Diverged}").ToList();
        var input = new JsonArray();
        foreach (var session in sessions)
        {
            foreach (var order in session.Orders)
            {
                input.Add(new JsonObject
                {
                    ["updates"] = new JsonArray(order.Select(i => (JsonNode)Hex.Encode(session.Updates[i])).ToArray()),
                    ["roots"] = new JsonObject { ["texts"] = new JsonArray("t") },
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
        private readonly bool _formatting;

        private Session(int seed, bool formatting)
        {
            Seed = seed;
            _random = new Random(seed);
            _formatting = formatting;
        }

        public int Seed { get; }

        public List<byte[]> Updates { get; } = [];

        public List<int[]> Orders { get; } = [];

        public string? Diverged { get; private set; }

        public static Session Generate(int seed, bool formatting)
        {
            var session = new Session(seed, formatting);
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
                            Edit(peer.GetText("t"));
                        }
                    });
                }
                else
                {
                    Edit(peer.GetText("t"));
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
            var texts = peers.Select(p => p.GetText("t").ToString()).Distinct().ToList();
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

        private void Edit(YText text)
        {
            var length = text.Length;
            var choice = _random.Next(10);
            if (choice < 5 || length == 0)
            {
                var index = Boundary(text, _random.Next(length + 1));
                var piece = Pieces[_random.Next(Pieces.Length)];
                if (_formatting && _random.Next(4) == 0)
                {
                    text.Insert(index, piece, RandomAttributes());
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
            if (choice < 8 || !_formatting)
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

        // Editors never cut a surrogate pair (yjs diverges when one is cut), so indices move to a code point boundary.
        private static int Boundary(YText text, int index)
        {
            var s = text.ToString();
            return index > 0 && index < s.Length && char.IsHighSurrogate(s[index - 1]) && char.IsLowSurrogate(s[index]) ? index - 1 : index;
        }
    }
}
