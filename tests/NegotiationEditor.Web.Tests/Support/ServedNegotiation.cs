using System.Net.Http.Headers;
using System.Text.Json;

namespace NegotiationEditor.Web.Tests.Support;

/// <summary>What the browser tests ask of the seeded negotiation a <see cref="ServerProcess"/> serves.</summary>
public static class ServedNegotiation
{
    /// <summary>The invite of the first participant with that role (and delegation, when given).</summary>
    public static Invite Invite(this ServerProcess server, string role, string delegation = "") => server.Invites.Of(role, delegation);

    /// <summary>The live text of the first document as the server holds it (GET /api/documents/{id}).</summary>
    public static async Task<string> LiveTextAsync(this ServerProcess server, Invite invite)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        using var documents = JsonDocument.Parse(await http.GetStringAsync("api/documents"));
        var id = documents.RootElement[0].GetProperty("id").GetString();
        using var document = JsonDocument.Parse(await http.GetStringAsync($"api/documents/{id}"));
        return document.RootElement.GetProperty("text").GetString()!;
    }
}
