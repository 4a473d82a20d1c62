using System.Text.Json;
using NegotiationEditor.Crdt.Tests.Encoding;
using NegotiationEditor.Crdt.Updates;

namespace NegotiationEditor.Crdt.Tests.Golden;

public sealed class GoldenVectorTests
{
    public static IEnumerable<TestCaseData> UpdateArtifacts() =>
        GoldenVectors.Artifacts().Where(a => a.Kind == "updateV1")
            .Select(a => new TestCaseData(a.Case, a.Label).SetName($"Update {a.Case}/{a.Label} decodes and re-encodes to the same bytes"));

    public static IEnumerable<TestCaseData> StateVectorArtifacts() =>
        GoldenVectors.Artifacts().Where(a => a.Kind == "stateVector")
            .Select(a => new TestCaseData(a.Case, a.Label).SetName($"State vector {a.Case}/{a.Label} decodes completely"));

    public static IEnumerable<TestCaseData> CasesWithContent() =>
        GoldenVectors.Cases.Where(c => c.TryGetProperty("expected", out var e) && e.TryGetProperty("applyInOrder", out _))
            .Select(c => new TestCaseData(c.GetProperty("name").GetString()).SetName($"Applying {c.GetProperty("name").GetString()} gives the content yjs had"));

    [TestCaseSource(nameof(UpdateArtifacts))]
    public void Update_decodes_and_reencodes(string caseName, string label)
    {
        var bytes = GoldenVectors.Artifact(caseName, label);
        var decoded = UpdateDecoding.Decode(bytes);
        Assert.That(Hex.Of(UpdateDecoding.Encode(decoded)), Is.EqualTo(Hex.Of(bytes)));
    }

    [TestCaseSource(nameof(StateVectorArtifacts))]
    public void State_vector_decodes(string caseName, string label)
    {
        var bytes = GoldenVectors.Artifact(caseName, label);
        var reader = new NegotiationEditor.Crdt.Encoding.Lib0Reader(bytes);
        var vector = UpdateDecoding.ReadStateVector(reader);
        Assert.That(reader.HasMore, Is.False);
        Assert.That(vector.Values, Is.All.GreaterThan(0L));
    }

    [TestCaseSource(nameof(CasesWithContent))]
    public void Applying_the_case_gives_the_recorded_content(string caseName)
    {
        var testCase = GoldenVectors.Case(caseName);
        var expected = testCase.GetProperty("expected");
        var doc = new YDoc(999);
        foreach (var label in expected.GetProperty("applyInOrder").EnumerateArray())
        {
            Y.ApplyUpdate(doc, GoldenVectors.Artifact(testCase, label.GetString()!));
        }

        foreach (var root in expected.GetProperty("roots").EnumerateObject())
        {
            var kind = root.Value.GetProperty("type").GetString();
            switch (kind)
            {
                case "YText":
                {
                    var text = doc.GetText(root.Name);
                    Assert.That(text.ToString(), Is.EqualTo(root.Value.GetProperty("string").GetString()), root.Name);
                    Assert.That(text.Length, Is.EqualTo(root.Value.GetProperty("utf16Length").GetInt32()), root.Name);
                    var delta = text.ToDelta();
                    var expectedDelta = root.Value.GetProperty("delta").EnumerateArray().ToList();
                    Assert.That(delta, Has.Count.EqualTo(expectedDelta.Count));
                    for (var i = 0; i < delta.Count; i++)
                    {
                        Assert.That(GoldenVectors.Same(GoldenVectors.ToPlain(expectedDelta[i].GetProperty("insert")), delta[i].Insert), Is.True, $"insert {i}");
                        var attributes = expectedDelta[i].TryGetProperty("attributes", out var a) ? GoldenVectors.ToPlain(a) : null;
                        Assert.That(GoldenVectors.Same(attributes, delta[i].Attributes == null ? null : new Dictionary<string, object?>(delta[i].Attributes!)), Is.True, $"attributes {i}");
                    }

                    break;
                }

                case "YMap":
                    Assert.That(GoldenVectors.Same(GoldenVectors.ToPlain(root.Value.GetProperty("json")), doc.GetMap(root.Name).ToJson()), Is.True, root.Name);
                    break;
                case "YArray":
                    Assert.That(GoldenVectors.Same(GoldenVectors.ToPlain(root.Value.GetProperty("json")), doc.GetArray(root.Name).ToJson()), Is.True, root.Name);
                    break;
                case "YXmlFragment":
                    Assert.That(doc.GetXmlFragment(root.Name).ToString(), Is.EqualTo(root.Value.GetProperty("xml").GetString()));
                    break;
                default:
                    Assert.Fail($"Unknown root kind {kind}");
                    break;
            }
        }
    }

    // (case, updates applied in order, artifact that yjs encoded as the full state, gc)
    private static readonly (string Case, string[] Apply, string State, bool Gc)[] StateCases =
    [
        ("text-insert-abc", ["update_event"], "state_as_update", true),
        ("text-typing-sequence", ["update_event_1", "update_event_2", "update_event_3"], "state_as_update", true),
        ("concurrent-insert-empty", ["update_client2", "update_client1"], "state_as_update_after_sync", true),
        ("concurrent-insert-between", ["update_base_client3", "update_client2", "update_client5", "update_client1"], "state_as_update_converged", true),
        ("concurrent-insert-between", ["update_base_client3", "update_client1", "update_client5", "update_client2"], "state_as_update_converged", true),
        ("concurrent-run-vs-single", ["update_base_client3", "update_client1_C", "update_client2_A", "update_client2_B"], "state_as_update_converged", true),
        ("map-set-overwrite", ["update_event_1", "update_event_2", "update_event_3", "update_event_4"], "state_as_update", true),
        ("map-concurrent-same-key", ["update_client2", "update_client1"], "state_as_update_client1", true),
        ("text-formatting", ["update_event_1", "update_event_2", "update_event_3", "update_event_4"], "state_as_update", true),
        ("unicode-utf16", ["update_event_1", "update_event_2", "update_event_3"], "state_as_update", true),
        ("unicode-split-surrogate", ["update_event_1", "update_event_2"], "state_as_update", true),
        ("binary-and-subdoc", ["update_event_1", "update_event_2", "update_event_3"], "state_as_update", true),
        ("gc-and-deleted", ["gc_true_update_event_1", "gc_true_update_event_2", "gc_true_update_event_3", "gc_true_update_event_4", "gc_true_update_event_5"], "gc_true_state_as_update", true),
        ("gc-and-deleted", ["gc_false_update_event_1", "gc_false_update_event_2", "gc_false_update_event_3", "gc_false_update_event_4", "gc_false_update_event_5"], "gc_false_state_as_update", false),
        ("merge-skip-pending", ["merge_u1_u3"], "state_as_update_with_pending", true),
        ("state-vector-and-diff", ["state_as_update"], "state_as_update", true),
        ("sync-handshake", ["client_state_as_update"], "client_state_as_update", true),
        ("empty", ["state_as_update"], "state_as_update", true),
    ];

    public static IEnumerable<TestCaseData> StateCaseData() =>
        StateCases.Select(s => new TestCaseData(s.Case, s.Apply, s.State, s.Gc)
            .SetName($"Applying {s.Case} ({string.Join(", ", s.Apply)}) encodes the state yjs encoded"));

    [TestCaseSource(nameof(StateCaseData))]
    public void The_encoded_state_matches_yjs_byte_for_byte(string caseName, string[] apply, string state, bool gc)
    {
        var doc = new YDoc(999, new YDocOptions { Gc = gc });
        foreach (var label in apply)
        {
            Y.ApplyUpdate(doc, GoldenVectors.Artifact(caseName, label));
        }

        Assert.That(Hex.Of(Y.EncodeStateAsUpdate(doc)), Is.EqualTo(Hex.Of(GoldenVectors.Artifact(caseName, state))));
    }

    [Test]
    public void Pending_structs_do_not_count_in_the_state_vector()
    {
        var doc = new YDoc(999);
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("merge-skip-pending", "merge_u1_u3"));
        Assert.That(Hex.Of(Y.EncodeStateVector(doc)), Is.EqualTo(Hex.Of(GoldenVectors.Artifact("merge-skip-pending", "state_vector_with_pending"))));
        Assert.That(doc.GetText("t").ToString(), Is.EqualTo("a"));
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("merge-skip-pending", "u2"));
        Assert.That(doc.GetText("t").ToString(), Is.EqualTo("abc"));
    }

    [Test]
    public void An_update_whose_predecessor_is_missing_integrates_nothing()
    {
        var doc = new YDoc(999);
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("merge-skip-pending", "u3"));
        Assert.That(Hex.Of(Y.EncodeStateVector(doc)), Is.EqualTo(Hex.Of(GoldenVectors.Artifact("merge-skip-pending", "state_vector_only_u3"))));
    }

    [TestCase("text-insert-abc", "state_vector")]
    [TestCase("text-delete-middle", "state_vector")]
    [TestCase("unicode-utf16", "state_vector")]
    [TestCase("state-vector-and-diff", "state_vector")]
    [TestCase("empty", "state_vector")]
    public void The_state_vector_matches_yjs(string caseName, string label)
    {
        var doc = new YDoc(999);
        var testCase = GoldenVectors.Case(caseName);
        var fullState = testCase.GetProperty("artifacts").EnumerateArray()
            .First(a => a.GetProperty("label").GetString() == "state_as_update").GetProperty("hex").GetString()!;
        Y.ApplyUpdate(doc, Convert.FromHexString(fullState));
        Assert.That(Hex.Of(Y.EncodeStateVector(doc)), Is.EqualTo(Hex.Of(GoldenVectors.Artifact(caseName, label))));
    }

    [Test]
    public void A_delete_by_another_client_leaves_that_client_out_of_the_state_vector()
    {
        var doc = new YDoc(2);
        Y.ApplyUpdate(doc, GoldenVectors.Artifact("delete-by-other-client", "update_client1"));
        doc.GetText("t").Delete(1, 1);
        Assert.That(Hex.Of(Y.EncodeStateVector(doc)), Is.EqualTo(Hex.Of(GoldenVectors.Artifact("delete-by-other-client", "state_vector_client2"))));
    }
}
