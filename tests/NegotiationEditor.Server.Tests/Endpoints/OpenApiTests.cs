using System.Net;
using System.Text.Json.Nodes;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>The OpenAPI document at /openapi/v1.json describes every endpoint of the REST API.</summary>
public sealed class OpenApiTests
{
    [Test]
    public async Task The_OpenAPI_document_lists_every_endpoint_with_its_methods()
    {
        using var server = new NegotiationServerFactory().Started();
        using var client = server.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();

        var expected = new Dictionary<string, string[]>
        {
            ["/api/me"] = ["get"],
            ["/api/delegations"] = ["get"],
            ["/api/participants"] = ["get"],
            ["/api/participants/{participantId}"] = ["delete"],
            ["/api/participants/{participantId}/invites"] = ["delete"],
            ["/api/documents"] = ["get", "post"],
            ["/api/documents/{documentId}"] = ["get"],
            ["/api/documents/{documentId}/on-screen-drafting"] = ["put"],
            ["/api/documents/{documentId}/adopt"] = ["post"],
            ["/api/documents/{documentId}/history"] = ["get"],
            ["/api/documents/{documentId}/compilation"] = ["get"],
            ["/api/documents/{documentId}/amendments"] = ["get", "post"],
            ["/api/documents/{documentId}/amendments/{amendmentId}"] = ["get"],
            ["/api/documents/{documentId}/amendments/{amendmentId}/withdraw"] = ["post"],
            ["/api/documents/{documentId}/amendments/{amendmentId}/accept"] = ["post"],
            ["/api/documents/{documentId}/amendments/{amendmentId}/reject"] = ["post"],
            ["/api/documents/{documentId}/amendments/{amendmentId}/positions"] = ["get"],
            ["/api/documents/{documentId}/amendments/{amendmentId}/positions/{delegationId}"] = ["put"],
            ["/api/documents/{documentId}/revisions"] = ["get", "post"],
            ["/api/documents/{documentId}/revisions/{revision}"] = ["get"],
            ["/api/documents/{documentId}/revisions/{revision}/print"] = ["get"],
            ["/api/documents/{documentId}/compare"] = ["get"],
        };
        Assert.Multiple(() =>
        {
            foreach (var (path, methods) in expected)
            {
                Assert.That(paths.ContainsKey(path), Is.True, $"{path} is described (paths: {string.Join(", ", paths.Select(p => p.Key))})");
                if (paths[path] is JsonObject operations)
                {
                    Assert.That(operations.Select(o => o.Key).Where(k => k is "get" or "post" or "put" or "delete"), Is.EquivalentTo(methods), path);
                }
            }
        });

        var propose = paths["/api/documents/{documentId}/amendments"]!["post"]!;
        Assert.That(propose["requestBody"]!.ToJsonString(), Does.Contain("ProposeAmendmentRequest"));
        Assert.That(propose["responses"]!.AsObject().Select(r => r.Key), Does.Contain("201").And.Contain("403").And.Contain("409"));
        var schemas = JsonNode.Parse(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!["components"]!["schemas"]!;
        Assert.That(schemas["ProposeAmendmentRequest"]!["properties"]!.AsObject().Select(p => p.Key), Does.Contain("proposer"), "a chair's proposal is asked with proposer: chair");
        Assert.That(schemas["AmendmentView"]!["properties"]!.AsObject().Select(p => p.Key), Does.Contain("proposer"), "the view says who proposes");
    }
}
