namespace NegotiationEditor.Server;

/// <summary>Defaults of the server process.</summary>
public static class ServerDefaults
{
    /// <summary>The address served when no <c>--urls</c> is given.</summary>
    public const string Url = "http://localhost:5080";

    /// <summary>Serves <see cref="Url"/> unless <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultUrl(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(Url);
        }
        return builder;
    }
}
