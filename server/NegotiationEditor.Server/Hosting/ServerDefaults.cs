namespace NegotiationEditor.Server;

/// <summary>Defaults of the server process.</summary>
public static class ServerDefaults
{
    /// <summary>The address served when no <c>--urls</c> is given.</summary>
    public const string Url = "http://localhost:5080";

    /// <summary>
    /// The command line with configuration files read once, at start, unless the command line itself says otherwise
    /// (<c>--hostBuilder:reloadConfigOnChange=true</c>). Reloading them on change makes ASP.NET Core watch the content
    /// root, the working directory, with all its subfolders: started from a clone that is some 1,600 inotify watches
    /// (node_modules, bin, obj), and the default data folder <c>./data</c> is among them, so every write of the
    /// database woke the watcher. The server reads its options at start anyway.
    /// </summary>
    public static string[] WithConfigReadOnce(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Any(arg => arg.Contains("reloadConfigOnChange", StringComparison.OrdinalIgnoreCase))
            ? args
            : ["--hostBuilder:reloadConfigOnChange=false", .. args];
    }

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
