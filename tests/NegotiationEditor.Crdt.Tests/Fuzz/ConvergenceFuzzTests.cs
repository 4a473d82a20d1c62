using NegotiationEditor.Crdt.Tests.Encoding;

namespace NegotiationEditor.Crdt.Tests.Fuzz;

/// <summary>
/// Seeded random peers edit concurrently over a network that drops, duplicates, delays and
/// reorders messages; after a final re-sync every peer must show the same document.
/// </summary>
public sealed class ConvergenceFuzzTests
{
    private sealed record Message(int To, byte[] Update);

    public static IEnumerable<TestCaseData> Sessions()
    {
        // (first seed, number of sessions, peers, rounds per session, gc)
        yield return new TestCaseData(1000, 30, 3, 120, true).SetName("Three peers converge over a lossy network");
        yield return new TestCaseData(2000, 25, 5, 120, true).SetName("Five peers converge over a lossy network");
        yield return new TestCaseData(3000, 20, 4, 120, false).SetName("Four peers without garbage collection converge over a lossy network");
    }

    [TestCaseSource(nameof(Sessions))]
    public void Peers_converge(int firstSeed, int sessions, int peers, int rounds, bool gc)
    {
        for (var seed = firstSeed; seed < firstSeed + sessions; seed++)
        {
            RunSession(seed, peers, rounds, gc);
        }
    }

    private static void RunSession(int seed, int peerCount, int rounds, bool gc)
    {
        var random = new Random(seed);
        // Client ids on both sides of 2^31, so that signed comparison would order them wrongly.
        ulong[] ids = [1, 0x80000000, 0xFFFFFFFE, 7, 0x7FFFFFFF];
        var docs = new YDoc[peerCount];
        var network = new List<Message>();
        for (var i = 0; i < peerCount; i++)
        {
            var index = i;
            docs[i] = new YDoc(ids[i], new YDocOptions { Gc = gc });
            docs[i].Updated += (_, e) =>
            {
                if (e.Origin is "network")
                {
                    return;
                }

                for (var to = 0; to < peerCount; to++)
                {
                    if (to == index)
                    {
                        continue;
                    }

                    var fate = random.Next(10);
                    if (fate == 0)
                    {
                        continue; // dropped
                    }

                    network.Add(new Message(to, e.Update));
                    if (fate == 1)
                    {
                        network.Add(new Message(to, e.Update)); // duplicated
                    }
                }
            };
        }

        try
        {
            for (var round = 0; round < rounds; round++)
            {
                var action = random.Next(10);
                if (action < 6)
                {
                    var doc = docs[random.Next(peerCount)];
                    if (random.Next(4) == 0)
                    {
                        doc.Transact(_ =>
                        {
                            RandomEditor.Edit(doc, random);
                            RandomEditor.Edit(doc, random);
                        });
                    }
                    else
                    {
                        RandomEditor.Edit(doc, random);
                    }
                }
                else if (network.Count > 0)
                {
                    // Deliver a random message: later ones overtake earlier ones, the rest wait.
                    var deliveries = 1 + random.Next(Math.Min(4, network.Count));
                    for (var d = 0; d < deliveries && network.Count > 0; d++)
                    {
                        var at = random.Next(network.Count);
                        var message = network[at];
                        network.RemoveAt(at);
                        Y.ApplyUpdate(docs[message.To], message.Update, "network");
                    }
                }

                if (random.Next(40) == 0)
                {
                    Resync(docs, random.Next(peerCount), random.Next(peerCount));
                }
            }

            // Deliver what is still in flight in random order, then re-sync every pair.
            while (network.Count > 0)
            {
                var at = random.Next(network.Count);
                Y.ApplyUpdate(docs[network[at].To], network[at].Update, "network");
                network.RemoveAt(at);
            }

            for (var a = 0; a < peerCount; a++)
            {
                for (var b = 0; b < peerCount; b++)
                {
                    Resync(docs, a, b);
                }
            }

            var expected = RandomEditor.Describe(docs[0]);
            var expectedVector = Hex.Of(Y.EncodeStateVector(docs[0]));
            for (var i = 1; i < peerCount; i++)
            {
                Assert.That(RandomEditor.Describe(docs[i]), Is.EqualTo(expected), $"peer {i} differs from peer 0; seed {seed}");
                Assert.That(Hex.Of(Y.EncodeStateVector(docs[i])), Is.EqualTo(expectedVector), $"state vectors differ; seed {seed}");
            }

            // A fresh document loading any peer's state shows the same.
            var loaded = new YDoc(99, new YDocOptions { Gc = gc });
            Y.ApplyUpdate(loaded, Y.EncodeStateAsUpdate(docs[peerCount - 1]));
            Assert.That(RandomEditor.Describe(loaded), Is.EqualTo(expected), $"loaded state differs; seed {seed}");
        }
        catch (Exception e) when (e is not AssertionException)
        {
            Assert.Fail($"Session with seed {seed} threw: {e}");
        }
    }

    private static void Resync(YDoc[] docs, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        var update = Y.EncodeStateAsUpdate(docs[from], Y.EncodeStateVector(docs[to]));
        Y.ApplyUpdate(docs[to], update, "network");
    }
}
