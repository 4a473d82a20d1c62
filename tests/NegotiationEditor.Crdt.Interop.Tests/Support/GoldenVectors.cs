using System.Text.Json.Nodes;

namespace NegotiationEditor.Crdt.Interop.Tests.Support;

/// <summary>The artifacts of ../shared/design/yjs-golden-vectors.json, made by the real yjs 13.6.33.</summary>
internal static class GoldenVectors
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
        JsonNode.Parse(System.IO.File.ReadAllText(SharedFolder.File("design/yjs-golden-vectors.json")))!["cases"]!.AsArray());

    public static IEnumerable<GoldenArtifact> OfKind(string kind) =>
        from testCase in Cases.Value
        from artifact in testCase!["artifacts"]!.AsArray()
        where (string?)artifact!["kind"] == kind
        select new GoldenArtifact((string)testCase!["name"]!, (string)artifact!["label"]!, kind, Hex.Decode((string)artifact["hex"]!), artifact["decoded"]);

    public static GoldenArtifact Get(string caseName, string label) =>
        (from testCase in Cases.Value
         where (string?)testCase!["name"] == caseName
         from artifact in testCase!["artifacts"]!.AsArray()
         where (string?)artifact!["label"] == label
         select new GoldenArtifact(caseName, label, (string)artifact["kind"]!, Hex.Decode((string)artifact["hex"]!), artifact["decoded"])).Single();
}

public sealed record GoldenArtifact(string Case, string Label, string Kind, byte[] Bytes, JsonNode? Decoded)
{
    public override string ToString() => $"{Case}/{Label}";
}
