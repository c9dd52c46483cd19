namespace NewsExtract.Tests.Resolution;

/// <summary>Pairwise merge precision and recall, with counts and the wrong pairs.</summary>
internal sealed record ClusteringScore(double Precision, double Recall, int Correct, int Together, int Gold, List<string> Errors)
{
    public override string ToString()
        => $"pairwise merge precision {Precision * 100:F2} % ({Correct}/{Together}), recall {Recall * 100:F2} % ({Correct}/{Gold})";
}
