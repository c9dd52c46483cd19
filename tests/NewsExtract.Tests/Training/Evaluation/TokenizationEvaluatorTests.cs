using NewsExtract.Tests.Infrastructure;
using NewsExtract.Text.Sentences;
using NewsExtract.Training.Evaluation;

namespace NewsExtract.Tests.Training.Evaluation;

public sealed class TokenizationEvaluatorTests
{
    private const string Sample = """
        # newdoc id = d1
        # newpar id = d1-p1
        # sent_id = 1
        # text = I don't know.
        1	I	I	PRON	PRP	_	3	nsubj	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	_	4	aux	_	_
        3	n't	not	PART	RB	_	4	advmod	_	_
        4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	_	_

        # sent_id = 2
        # text = Ask Dr. Smith
        1	Ask	ask	VERB	VB	_	0	root	_	_
        2	Dr.	Dr.	PROPN	NNP	_	3	compound	_	_
        3	Smith	Smith	PROPN	NNP	_	1	obj	_	_

        # newpar id = d1-p2
        # sent_id = 3
        # text = Fine!
        1	Fine	fine	ADJ	JJ	_	0	root	_	SpaceAfter=No
        2	!	!	PUNCT	.	_	1	punct	_	_

        """;

    [Fact]
    public void Read_MultiWordTokensAndParagraphs_RebuildsTextAndSpans()
    {
        ConlluDocument document = Assert.Single(ConlluReader.Read(Sample.ReplaceLineEndings("\n"), "sample"));
        Assert.Equal("I don't know. Ask Dr. Smith\n\nFine!", document.Text);
        Assert.Equal([(0, 1), (2, 7), (8, 12), (12, 13), (14, 17), (18, 21), (22, 27), (29, 33), (33, 34)], document.Tokens);
        Assert.Equal([(0, 13), (14, 27), (29, 34)], document.Sentences);
    }

    [Fact]
    public void Evaluate_SmallDocument_CliticsCountAsOneSurfaceToken()
    {
        TokenizationScores scores = TokenizationEvaluator.Evaluate(ConlluReader.Read(Sample.ReplaceLineEndings("\n"), "sample"));
        Assert.Equal(new SpanScore(9, 9, 9), scores.Tokens);
        Assert.Equal(new SpanScore(3, 3, 3), scores.Sentences);
    }

    [Fact]
    public void Read_SentenceWithoutText_Throws()
        => Assert.Throws<NewsExtract.Training.CliException>(() => ConlluReader.Read("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "bad"));

    private const string TwoSentences = """
        # newdoc id = d1
        # text = Hello there
        1	Hello	_	_	_	_	0	_	_	_
        2	there	_	_	_	_	1	_	_	_

        # text = I met Dr. Smith at 5 p.m. today.
        1	I	_	_	_	_	0	_	_	_
        2	met	_	_	_	_	1	_	_	_
        3	Dr.	_	_	_	_	1	_	_	_
        4	Smith	_	_	_	_	1	_	_	_
        5	at	_	_	_	_	1	_	_	_
        6	5	_	_	_	_	1	_	_	_
        7	p.m.	_	_	_	_	1	_	_	_
        8	today	_	_	_	_	1	_	_	SpaceAfter=No
        9	.	_	_	_	_	1	_	_	_

        """;

    /// <summary>A model that answers the same at every candidate: only its bias feature has a weight.</summary>
    private static SentenceSplitter Constant(double bias)
    {
        double[] weights = new double[1 << 8];
        weights[(int)(SentenceFeatures.Bias >> (64 - 8))] = bias;
        return new SentenceSplitter(SentenceModel.FromWeights(8, weights));
    }

    [Fact]
    public void Evaluate_NeverSplitting_CountsMissedEndBeforeCapital()
    {
        TokenizationScores scores = TokenizationEvaluator.Evaluate(ConlluReader.Read(TwoSentences.ReplaceLineEndings("\n"), "classes"), Constant(-1));
        IReadOnlyList<int> counts = Assert.IsAssignableFrom<IReadOnlyList<int>>(scores.SentenceErrors);
        Assert.Equal(1, counts[IndexOf("missed end without punctuation before a capital")]);
        Assert.Equal(1, Sum(counts));
        Assert.Equal(new SpanScore(2, 1, 0), scores.Sentences);
    }

    [Fact]
    public void Evaluate_AlwaysSplitting_CountsSplitAfterAbbreviationButNeverAfterTitle()
    {
        TokenizationScores scores = TokenizationEvaluator.Evaluate(ConlluReader.Read(TwoSentences.ReplaceLineEndings("\n"), "classes"), Constant(1));
        IReadOnlyList<int> counts = Assert.IsAssignableFrom<IReadOnlyList<int>>(scores.SentenceErrors);

        // Candidates: before "I" (right), after "p.m." (an abbreviation), and before "Dr.", "5" and "."
        // (no punctuation); never between the title "Dr." and "Smith", nor before a lower-case word.
        Assert.Equal(1, counts[IndexOf("split after an abbreviation or initial")]);
        Assert.Equal(3, counts[IndexOf("split without punctuation")]);
        Assert.Equal(4, Sum(counts));
        Assert.Equal(new SpanScore(2, 6, 1), scores.Sentences);
    }

    private static int Sum(IReadOnlyList<int> counts)
    {
        int sum = 0;
        foreach (int c in counts)
        {
            sum += c;
        }

        return sum;
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < TokenizationErrorClasses.Names.Count; i++)
        {
            if (TokenizationErrorClasses.Names[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException(name);
    }
}
