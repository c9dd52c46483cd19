using NewsExtract;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers NewsExtract with a dependency-injection container.</summary>
public static class NewsExtractServiceCollectionExtensions
{
    /// <summary>
    /// Registers one shared, thread-safe <see cref="IArticleAnalyzer"/> (and <see cref="ArticleAnalyzer"/>) as a
    /// singleton with <see cref="ArticleAnalyzerOptions.Default"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddNewsExtract(this IServiceCollection services)
        => services.AddNewsExtract(ArticleAnalyzerOptions.Default);

    /// <summary>
    /// Registers one shared, thread-safe <see cref="IArticleAnalyzer"/> (and <see cref="ArticleAnalyzer"/>) as a singleton.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="options">The options; validated when the analyzer is first resolved.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddNewsExtract(this IServiceCollection services, ArticleAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        return services.AddNewsExtract(_ => options);
    }

    /// <summary>
    /// Registers one shared, thread-safe <see cref="IArticleAnalyzer"/> (and <see cref="ArticleAnalyzer"/>) as a
    /// singleton whose options come from the container (for example from configuration).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="optionsFactory">Builds the options; invoked once, when the analyzer is first resolved.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddNewsExtract(this IServiceCollection services, Func<IServiceProvider, ArticleAnalyzerOptions> optionsFactory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(optionsFactory);
        services.AddSingleton(provider => ArticleAnalyzer.Create(optionsFactory(provider)));
        services.AddSingleton<IArticleAnalyzer>(static provider => provider.GetRequiredService<ArticleAnalyzer>());
        return services;
    }
}
