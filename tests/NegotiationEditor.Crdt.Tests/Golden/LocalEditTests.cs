using NegotiationEditor.Crdt.Tests.Encoding;

namespace NegotiationEditor.Crdt.Tests.Golden;

/// <summary>Edits made through the C# API emit the same update events as yjs did for the same steps.</summary>
public sealed class LocalEditTests
{
    private static List<string> Record(YDoc doc)
    {
        var updates = new List<string>();
        doc.Updated += (_, e) => updates.Add(Hex.Of(e.Update));
        return updates;
    }

    private static string Golden(string caseName, string label) => Hex.Of(GoldenVectors.Artifact(caseName, label));

    [Test]
    public void Inserting_and_deleting_text_emits_the_yjs_updates()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var text = doc.GetText("t");
        text.Insert(0, "abc");
        text.Delete(1, 1);
        Assert.That(updates, Is.EqualTo(new[] { Golden("text-insert-abc", "update_event"), Golden("text-delete-middle", "update_event") }));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("text-delete-middle", "state_as_update")));
    }

    [Test]
    public void Typing_character_by_character_merges_into_one_item()
    {
        var doc = new YDoc(7);
        var updates = Record(doc);
        var text = doc.GetText("t");
        text.Insert(0, "a");
        text.Insert(1, "b");
        text.Insert(2, "c");
        Assert.That(updates, Is.EqualTo(new[]
        {
            Golden("text-typing-sequence", "update_event_1"),
            Golden("text-typing-sequence", "update_event_2"),
            Golden("text-typing-sequence", "update_event_3"),
        }));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("text-typing-sequence", "state_as_update")));
    }

    [Test]
    public void Setting_and_overwriting_map_keys_emits_the_yjs_updates()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var map = doc.GetMap("m");
        map.Set("str", "v");
        map.Set("num", 42);
        map.Set("obj", new Dictionary<string, object?> { ["a"] = 1, ["b"] = new List<object?> { true, null } });
        map.Set("num", 43);
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 4).Select(i => Golden("map-set-overwrite", $"update_event_{i}"))));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("map-set-overwrite", "state_as_update")));
    }

    [Test]
    public void Formatting_text_and_inserting_an_embed_emits_the_yjs_updates()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var text = doc.GetText("t");
        text.Insert(0, "hello world");
        text.Format(0, 5, new Dictionary<string, object?> { ["bold"] = true });
        text.Insert(11, "!", new Dictionary<string, object?> { ["italic"] = true });
        text.InsertEmbed(0, new Dictionary<string, object?> { ["image"] = "x.png" });
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 4).Select(i => Golden("text-formatting", $"update_event_{i}"))));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("text-formatting", "state_as_update")));
    }

    [Test]
    public void Text_positions_count_utf16_code_units()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var text = doc.GetText("t");
        text.Insert(0, "héllo 世界 😀!");
        text.Delete(9, 2);
        text.Insert(6, "👍🏽");
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 3).Select(i => Golden("unicode-utf16", $"update_event_{i}"))));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("unicode-utf16", "state_as_update")));
    }

    [Test]
    public void Deleting_half_a_surrogate_pair_leaves_replacement_characters()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var text = doc.GetText("t");
        text.Insert(0, "a😀b");
        text.Delete(1, 1);
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 2).Select(i => Golden("unicode-split-surrogate", $"update_event_{i}"))));
        Assert.That(text.ToString(), Is.EqualTo("a\uFFFDb"));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("unicode-split-surrogate", "state_as_update")));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Deleting_a_nested_array_garbage_collects_it_only_with_gc_on(bool gc)
    {
        var prefix = gc ? "gc_true" : "gc_false";
        var doc = new YDoc(1, new YDocOptions { Gc = gc });
        var updates = Record(doc);
        var map = doc.GetMap("m");
        var text = doc.GetText("t");
        var array = YArray.CreateDetached();
        map.Set("list", array);
        array.Push("a", "b", "c");
        text.Insert(0, "xyz");
        map.Delete("list");
        text.Delete(0, 3);
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 5).Select(i => Golden("gc-and-deleted", $"{prefix}_update_event_{i}"))));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Golden("gc-and-deleted", $"{prefix}_state_as_update")));
    }

    [Test]
    public void Nested_types_refer_to_their_parent_by_item_id()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        doc.Transact(_ =>
        {
            var map = doc.GetMap("m");
            var list = YArray.CreateDetached();
            map.Set("list", list);
            list.Push(1, "two");
            var txt = YText.CreateDetached();
            map.Set("txt", txt);
            txt.Insert(0, "hi");
            var inner = YMap.CreateDetached();
            doc.GetArray("a").Push(inner);
            inner.Set("k", "v");
        });
        Assert.That(updates, Is.EqualTo(new[] { Golden("nested-types", "update_event") }));
    }

    [Test]
    public void Any_values_are_encoded_as_yjs_encodes_them()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        var values = new object?[]
        {
            0, 1, -1, 63, 64, -64, 2147483647, -2147483647, -2147483648L, 2147483648L, 0.5, 0.1, -0.0, double.NaN,
            double.PositiveInfinity, 9007199254740991L, true, false, null, "str", "", "é😀",
            new List<object?> { 1, new List<object?> { 2 } },
            new Dictionary<string, object?>
            {
                ["z"] = 1, ["a"] = 2, ["1"] = 3, ["é"] = null,
                ["nested"] = new Dictionary<string, object?> { ["bytes"] = new byte[] { 0, 255 } },
            },
        };
        doc.GetArray("a").Push(values);
        var map = doc.GetMap("m");
        map.Set("big", System.Numerics.BigInteger.Parse("12345678901234567890"));
        map.Set("undef", NegotiationEditor.Crdt.Encoding.Undefined.Value);
        map.Set("date", new Dictionary<string, object?>());
        Assert.That(updates, Is.EqualTo(Enumerable.Range(1, 4).Select(i => Golden("any-encoding", $"update_event_{i}"))));
    }

    [Test]
    public void Concurrent_map_writes_keep_the_higher_client()
    {
        var one = new YDoc(1);
        var two = new YDoc(2);
        var fromOne = Record(one);
        var fromTwo = Record(two);
        one.GetMap("m").Set("k", "one");
        two.GetMap("m").Set("k", "two");
        Assert.That(fromOne, Is.EqualTo(new[] { Golden("map-concurrent-same-key", "update_client1") }));
        Assert.That(fromTwo, Is.EqualTo(new[] { Golden("map-concurrent-same-key", "update_client2") }));
        Y.ApplyUpdate(one, Convert.FromHexString(fromTwo[0]));
        Y.ApplyUpdate(two, Convert.FromHexString(fromOne[0]));
        Assert.That(one.GetMap("m").Get("k"), Is.EqualTo("two"));
        Assert.That(two.GetMap("m").Get("k"), Is.EqualTo("two"));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(one)), Is.EqualTo(Golden("map-concurrent-same-key", "state_as_update_client1")));
        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(two)), Is.EqualTo(Golden("map-concurrent-same-key", "state_as_update_client1")));
    }

    [Test]
    public void Edits_carry_the_transaction_origin_to_the_update_event()
    {
        var doc = new YDoc(1);
        var origins = new List<object?>();
        doc.Updated += (_, e) => origins.Add(e.Origin);
        var origin = new object();
        doc.Transact(_ => doc.GetText("t").Insert(0, "x"), origin);
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("concurrent-insert-empty", "update_client2"), "remote");
        Assert.That(origins, Is.EqualTo(new object?[] { origin, "remote" }));
    }

    [Test]
    public void A_transaction_that_changes_nothing_emits_no_update()
    {
        var doc = new YDoc(1);
        var updates = Record(doc);
        doc.Transact(_ => { });
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("empty", "state_as_update"));
        Assert.That(updates, Is.Empty);
    }
}
