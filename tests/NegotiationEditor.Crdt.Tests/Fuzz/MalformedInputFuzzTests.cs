using NegotiationEditor.Crdt.Tests.Encoding;
using NegotiationEditor.Crdt.Tests.Golden;

namespace NegotiationEditor.Crdt.Tests.Fuzz;

/// <summary>
/// Mutated and truncated updates either apply (when they happen to be valid) or throw
/// <see cref="CrdtFormatException"/> and leave the document exactly as it was. Nothing else.
/// </summary>
public sealed class MalformedInputFuzzTests
{
    private static List<byte[]> ValidUpdates(Random random)
    {
        var updates = GoldenVectors.Artifacts().Where(a => a.Kind == "updateV1").Select(a => a.Bytes).ToList();
        var doc = new YDoc(5);
        doc.Updated += (_, e) => updates.Add(e.Update);
        for (var i = 0; i < 60; i++)
        {
            RandomEditor.Edit(doc, random);
        }

        updates.Add(Y.EncodeStateAsUpdate(doc));
        return updates;
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = source.ToList();
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++)
        {
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 4:
                    // A huge length or clock in the middle.
                    bytes.InsertRange(random.Next(bytes.Count + 1), new byte[] { 0xff, 0xff, 0xff, 0xff, 0x0f });
                    break;
                default:
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();

                    break;
            }
        }

        return bytes.ToArray();
    }

    private static string Fingerprint(YDoc doc) =>
        Hex.Of(Y.EncodeStateAsUpdate(doc)) + "/" + Hex.Of(Y.EncodeStateVector(doc)) + "/" + RandomEditor.Describe(doc);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Mutated_updates_apply_or_are_rejected_without_changing_the_document(int seed)
    {
        var random = new Random(seed);
        var updates = ValidUpdates(random);
        var rejected = 0;
        for (var round = 0; round < 1500; round++)
        {
            var doc = new YDoc(77);
            RandomEditor.Edit(doc, random);
            Y.ApplyUpdate(doc, updates[random.Next(updates.Count)]);
            var before = Fingerprint(doc);
            var mutated = Mutate(updates[random.Next(updates.Count)], random);
            try
            {
                Y.ApplyUpdate(doc, mutated);
            }
            catch (CrdtFormatException)
            {
                rejected++;
                Assert.That(Fingerprint(doc), Is.EqualTo(before), $"seed {seed}, round {round}, update {Hex.Of(mutated)}");
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}, round {round}: {e.GetType().Name} for update {Hex.Of(mutated)}\n{e}");
            }

            // Whatever happened, the document still works.
            Assert.DoesNotThrow(() =>
            {
                Fingerprint(doc);
                RandomEditor.Edit(doc, random);
            }, $"seed {seed}, round {round}, update {Hex.Of(mutated)}");
        }

        Assert.That(rejected, Is.GreaterThan(100), "the mutations should mostly produce invalid updates");
    }

    [TestCase(11)]
    [TestCase(12)]
    public void Byte_level_functions_reject_mutated_input_with_the_documented_exception(int seed)
    {
        var random = new Random(seed);
        var updates = ValidUpdates(random);
        for (var round = 0; round < 1500; round++)
        {
            var mutated = Mutate(updates[random.Next(updates.Count)], random);
            var other = updates[random.Next(updates.Count)];
            foreach (var (name, call) in new (string, Action)[]
                     {
                         ("MergeUpdates", () => Y.MergeUpdates([other, mutated])),
                         ("DiffUpdate", () => Y.DiffUpdate(mutated, [0])),
                         ("DiffUpdate(sv)", () => Y.DiffUpdate(other, mutated)),
                         ("EncodeStateVectorFromUpdate", () => Y.EncodeStateVectorFromUpdate(mutated)),
                         ("EncodeStateAsUpdate(sv)", () => Y.EncodeStateAsUpdate(new YDoc(3), mutated)),
                         ("Snapshot.Decode", () => Snapshot.Decode(mutated)),
                         ("RelativePosition.Decode", () => RelativePosition.Decode(mutated)),
                     })
            {
                try
                {
                    call();
                }
                catch (CrdtFormatException)
                {
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name}, seed {seed}, round {round}: {e.GetType().Name} for {Hex.Of(mutated)}\n{e}");
                }
            }
        }
    }

    [Test]
    public void Every_truncation_of_a_valid_update_is_rejected_and_changes_nothing()
    {
        var source = new YDoc(4);
        var text = source.GetText("t");
        text.Insert(0, "The delegation proposes");
        text.Format(4, 10, new Dictionary<string, object?> { ["bold"] = true });
        source.GetMap("m").Set("k", new Dictionary<string, object?> { ["a"] = new List<object?> { 1, "x" } });
        text.Delete(2, 3);
        var update = Y.EncodeStateAsUpdate(source);
        for (var length = 0; length < update.Length - 1; length++)
        {
            var doc = new YDoc(8);
            doc.GetText("t").Insert(0, "kept");
            var before = Fingerprint(doc);
            Assert.Throws<CrdtFormatException>(() => Y.ApplyUpdate(doc, update[..length]), $"length {length}");
            Assert.That(Fingerprint(doc), Is.EqualTo(before), $"length {length}");
        }
    }

    [Test]
    public void A_length_field_claiming_gigabytes_is_rejected_without_allocating_it()
    {
        // One section claiming 2^32 - 1 structs, then a string claiming 2^53 - 1 bytes.
        var hostile = Hex.Parse("01ffffffff0f0100" + "04" + "01" + "ffffffffffffff0f" + "41");
        var doc = new YDoc(1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<CrdtFormatException>(() => Y.ApplyUpdate(doc, hostile));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000));
        Assert.That(doc.GetText("t").ToString(), Is.Empty);
    }

    [Test]
    public void An_item_referring_to_its_own_future_clock_is_rejected()
    {
        // Client 1, clock 0: an item whose origin is (1, 5).
        var hostile = Hex.Parse("0101010084010501" + "6100");
        var doc = new YDoc(2);
        Assert.Throws<CrdtFormatException>(() => Y.ApplyUpdate(doc, hostile));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo("0000"));
    }

    [Test]
    public void An_item_whose_parent_is_not_a_type_becomes_garbage()
    {
        var doc = new YDoc(2);
        // Client 1: "a" in root "t", then an item whose parent is (1,0), a string item.
        Y.ApplyUpdate(doc, Hex.Parse("0101010004010174016100"));
        Y.ApplyUpdate(doc, Hex.Parse("0101010108000100017d0100"));
        Assert.That(doc.GetText("t").ToString(), Is.EqualTo("a"));
        Assert.That(Hex.Of(Y.EncodeStateVector(doc)), Is.EqualTo("010102"));
    }

    [Test]
    public void A_deeply_nested_document_is_deleted_and_collected_without_exhausting_the_stack()
    {
        var author = new YDoc(1);
        author.Transact(_ =>
        {
            var inner = YArray.CreateDetached();
            author.GetArray("a").Push(inner);
            for (var i = 0; i < 30_000; i++)
            {
                var next = YArray.CreateDetached();
                inner.Push(next);
                inner = next;
            }
        });
        var nested = Y.EncodeStateAsUpdate(author);
        author.GetArray("a").Delete(0);
        var deletion = Y.EncodeStateAsUpdate(author, Y.EncodeStateVector(author));

        var doc = new YDoc(2);
        Y.ApplyUpdate(doc, nested);
        Y.ApplyUpdate(doc, deletion);
        Assert.That(doc.GetArray("a").Length, Is.Zero);
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Hex.Of(Y.EncodeStateAsUpdate(author))));
    }

    [Test]
    public void Clocks_beyond_two_to_the_31_are_rejected()
    {
        // One GC struct of client 1 starting at clock 2^31.
        var hostile = Hex.Parse("0101" + "01" + "8080808008" + "0001" + "00");
        var doc = new YDoc(2);
        Assert.Throws<CrdtFormatException>(() => Y.ApplyUpdate(doc, hostile));
        Assert.Throws<CrdtFormatException>(() => Y.MergeUpdates([hostile, Hex.Parse("0000")]));
    }
}
