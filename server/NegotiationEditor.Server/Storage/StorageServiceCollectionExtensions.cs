namespace NegotiationEditor.Server.Storage;

/// <summary>Registers the LiteDB storage under the data folder.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The setting naming the data folder (<c>--data DIR</c> on the command line).</summary>
    public const string DataSetting = "data";

    /// <summary>The data folder: the <c>data</c> setting, by default <c>./data</c> under the working directory.</summary>
    public static string DataFolder(IConfiguration configuration) =>
        Path.GetFullPath(configuration[DataSetting] is { Length: > 0 } configured ? configured : "data");

    /// <summary>Adds <see cref="LiteDbStorage"/> as the document update log and the negotiation store.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = DataFolder(configuration);
        services.AddSingleton(_ => new LiteDbStorage(folder));
        services.AddSingleton<IDocumentUpdateLog>(provider => provider.GetRequiredService<LiteDbStorage>());
        services.AddSingleton<INegotiationStore>(provider => provider.GetRequiredService<LiteDbStorage>());
        return services;
    }
}
