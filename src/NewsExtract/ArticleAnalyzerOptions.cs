namespace NewsExtract;

/// <summary>
/// Settings for an <see cref="ArticleAnalyzer"/>. Validated once when the analyzer is created;
/// the analyzer copies what it needs, so later changes to this object do not affect it.
/// Properties are settable so the options can be configured through
/// <c>services.AddNewsExtract(options =&gt; ...)</c>.
/// </summary>
public sealed class ArticleAnalyzerOptions
{
    /// <summary>Gets or sets how far the pipeline runs. Default <see cref="AnalysisStages.Full"/>.</summary>
    public AnalysisStages Stages { get; set; } = AnalysisStages.Full;

    /// <summary>Gets or sets whether <see cref="ArticleAnalysis.Tokens"/> is filled. Default <see langword="false"/>.</summary>
    public bool IncludeTokens { get; set; }

    /// <summary>
    /// Gets or sets the maximum number of articles analysed at once by the batch methods.
    /// <c>-1</c> (the default) means <see cref="Environment.ProcessorCount"/>.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    internal void Validate()
    {
        if (!Enum.IsDefined(Stages))
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), Stages, "Unknown analysis stage.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be -1 (all cores) or a positive number.");
        }
    }

    internal int EffectiveParallelism => MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : MaxDegreeOfParallelism;
}
