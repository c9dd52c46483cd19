namespace NewsExtract;

/// <summary>How far the analysis pipeline runs. Each level includes the ones before it.</summary>
public enum AnalysisStages
{
    /// <summary>Not a setting: the default value of the type, rejected by <see cref="ArticleAnalyzer.Create"/>.</summary>
    None = 0,

    /// <summary>Article structure, tokens and sentences only.</summary>
    Tokens = 1,

    /// <summary>Also entity mentions and their resolution into entities.</summary>
    Entities = 2,

    /// <summary>Everything: also quotations and their speakers.</summary>
    Full = 3,
}
