namespace NewsExtract.Tests.Quotes;

/// <summary>
/// The wider reported-speech candidate generation (issue 14): constructions the strict rules reject that become
/// loose candidates for the trained detector, and the guards that keep non-speech out, on sentences written for
/// these tests. <c>CreateForQuoteTraining</c> emits every candidate undecided; the rules-only analyzer emits the strict ones.
/// </summary>
public class ReportedSpeechCandidateTests
{
    private static IReadOnlyList<Quote> AllCandidates(string text)
        => ArticleAnalyzer.CreateForQuoteTraining(new ArticleAnalyzerOptions()).Analyze(text, TestContext.Current.CancellationToken).Quotes;

    private static IReadOnlyList<Quote> RulesOnly(string text)
        => ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), null).Analyze(text, TestContext.Current.CancellationToken).Quotes;

    [Fact]
    public void ParentheticalCue_AfterAShortSubject_GivesBothPieces()
    {
        const string text = "The clinic opened in 2015.\n\nToo often, she says, the clinics turn people away at the door.";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Assert.Contains(all, q => q.Kind == QuoteKind.Indirect && q.Text == "Too often");
        Assert.Contains(all, q => q.Kind == QuoteKind.Indirect && q.Text == "the clinics turn people away at the door");

        // Two words before the cue are too short for the strict rules: only the detector sees that piece.
        Assert.DoesNotContain(RulesOnly(text), q => q.Text == "Too often");
    }

    [Theory]
    [InlineData("publicly")]
    [InlineData("only")]
    [InlineData("afterwards")]
    [InlineData("repeatedly")]
    public void AdverbBeforeThat_IsNotPartOfTheContent(string adverb)
    {
        string text = "The vote was held on Tuesday.\n\nCouncillor Dana Pike said " + adverb + " that the budget would be cut by a third.";
        Assert.Contains(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "the budget would be cut by a third");
    }

    [Fact]
    public void AdverbNotBeforeThat_StaysInTheContent()
    {
        const string text = "The count ended on Tuesday.\n\nOfficials said nearly 400 people had voted by noon.";
        Assert.Contains(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "nearly 400 people had voted by noon");
    }

    [Fact]
    public void ParentheticalAccordingTo_AfterAShortSubject_GivesBothPieces()
    {
        const string text = "The survey was released on Monday.\n\nLocal farmers, according to the survey, are worried about the drought this year.";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Assert.Contains(all, q => q.Text == "Local farmers");
        Assert.Contains(all, q => q.Text == "are worried about the drought this year");
    }

    [Fact]
    public void LabelledSentence_IsALooseCandidateAfterTheColon()
    {
        const string text = "Markets fell on Monday.\n\nANALYSIS: Some economists say the rate cut will come too late for exporters.";
        Assert.Contains(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "the rate cut will come too late for exporters");
        Assert.DoesNotContain(RulesOnly(text), q => q.Text.Contains("rate cut", StringComparison.Ordinal));
    }

    [Fact]
    public void SentenceWithQuoteMarks_ReportedSpeechOutsideTheMarkedQuote()
    {
        const string text = "The inquiry continued on Thursday.\n\n"
            + "The minister has faced weeks of \u201Cpressure\u201D over the case, and on Thursday he said the prosecutors acted alone.";
        Assert.Contains(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "the prosecutors acted alone");
        Assert.DoesNotContain(RulesOnly(text), q => q.Kind == QuoteKind.Indirect);
    }

    [Fact]
    public void LooseCandidateWithoutASpeakerPhrase_KeepsItsCue()
    {
        // No speaker phrase starts the clause ("late on Friday the parks people confirmed"): a loose candidate whose
        // cue verb the detector still sees, and which the output carries.
        const string text = "The outdoor rinks closed early this year.\n\n"
            + "Both rinks could have stayed open for another month, but late on Friday the parks people confirmed there are no plans to reopen them.";
        Quote found = Assert.Single(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "there are no plans to reopen them");
        Assert.Equal("confirmed", found.Cue?.Text);
        Assert.DoesNotContain(RulesOnly(text), q => q.Text == "there are no plans to reopen them");
    }

    [Fact]
    public void LooseCandidateWithoutAClauseSubject_KeepsThePhraseBeforeTheCue()
    {
        // "some at the X say": the phrase before the cue does not start the clause (the strict rules reject it), but it is
        // still the speaker phrase of the loose candidate, so its speaker is named from it rather than left to the window.
        const string text = "The regatta was cancelled for the second year.\n\n"
            + "Two years after the storm that wrecked the docks, some at the Fairview Rowing Club say the repair money has run out.";
        Quote found = Assert.Single(AllCandidates(text), q => q.Kind == QuoteKind.Indirect && q.Text == "the repair money has run out");
        Assert.Equal("say", found.Cue?.Text);
        Assert.NotNull(found.Speaker);
        Assert.EndsWith("Club", found.Speaker!.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void LoosePartialWithoutASpeakerPhrase_KeepsItsCue()
    {
        // A reported clause holding a marked fragment, with no speaker phrase starting it: the Partial candidate still has its cue.
        const string text = "The outdoor rinks closed early this year.\n\n"
            + "Both rinks could have stayed open, but late on Friday the parks people confirmed the rinks were \u201Cclosed for good\u201D after the thaw.";
        Quote found = Assert.Single(AllCandidates(text), q => q.Kind == QuoteKind.Partial);
        Assert.Equal("confirmed", found.Cue?.Text);
    }

    [Theory]
    [InlineData("The court filings do not say the driver ever left the car that night.")]
    [InlineData("The court filings never say the driver ever left the car that night.")]
    [InlineData("Her lawyers have not said the driver ever left the car that night.")]
    public void NegatedCue_GivesNoLooseCandidate(string sentence)
    {
        // "do not say that …": no statement is reported, neither by the strict rules nor as a loose candidate.
        string text = "The trial opened on Monday.\n\n" + sentence;
        Assert.DoesNotContain(AllCandidates(text), q => q.Kind == QuoteKind.Indirect);
    }

    [Theory]
    [InlineData("The repair bill could be much higher than city staff say it will be by the spring.")]
    [InlineData("At other times the claims, such as what he said about the repair bill, do not seem to serve any purpose.")]
    public void CueInAComparativeOrFreeRelativeClause_GivesNoLooseCandidate(string sentence)
    {
        // "higher than X say it will be", "what X said about …": the cue's content is the main clause's, not a statement.
        string text = "The arena roof failed in March.\n\n" + sentence;
        Assert.DoesNotContain(AllCandidates(text), q => q.Kind == QuoteKind.Indirect);
    }

    [Fact]
    public void ParticipleAfterAMarkedQuote_CarriesTheQuotesSpeaker()
    {
        // "“…,” says the owner, noting that …": the participle's subject is the marked quote's speaker.
        const string text = "Marta Keller runs the only bike shop in Elmvale.\n\n"
            + "\u201CPeople here fix things before they buy new ones,\u201D says the soft-spoken mechanic, noting that repairs make up most of her sales.";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Quote marked = Assert.Single(all, q => q.Kind == QuoteKind.Direct);
        Quote noting = Assert.Single(all, q => q.Kind == QuoteKind.Indirect && q.Text == "repairs make up most of her sales");
        Assert.Equal("noting", noting.Cue?.Text);
        Assert.NotNull(marked.Speaker);
        Assert.Equal(marked.Speaker!.Name, noting.Speaker?.Name);
    }

    [Fact]
    public void InvertedCueAfterAMarkedQuote_IsNoReportedSpeech()
    {
        // "“…,” says the owner": the words after the cue name the marked quote's speaker; they are not a statement.
        const string text = "The shop opened in 2009.\n\n\u201CWe sell about two a week,\u201D says the cheerful owner of the corner shop on Main Street.";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Assert.Contains(all, q => q.Kind == QuoteKind.Direct && q.Text.StartsWith("We sell about two a week", StringComparison.Ordinal));
        Assert.DoesNotContain(all, q => q.Kind == QuoteKind.Indirect);
    }

    [Fact]
    public void SentenceWithQuoteMarks_TheQuotesOwnCueIsNotReportedSpeech()
    {
        const string text = "The hearing ended late.\n\nWhen asked about the long delay, Ruth Ross said, \u201CWe are doing our best with what we have.\u201D";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Assert.Contains(all, q => q.Kind == QuoteKind.Direct && q.Text.StartsWith("We are doing our best", StringComparison.Ordinal));
        Assert.DoesNotContain(all, q => q.Text.StartsWith("When asked", StringComparison.Ordinal));
    }

    [Fact]
    public void PullQuoteWithNameLine_IsALooseCandidateNamingThePerson()
    {
        const string text = "Rents rose again this year.\n\nNobody should have to choose between paying rent and buying food. Maria Lopez\n\nLopez has worked at the food bank since 2010.";
        Quote quote = Assert.Single(AllCandidates(text), q => q.Text == "Nobody should have to choose between paying rent and buying food");
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("Maria Lopez", quote.Speaker?.Name);
        Assert.Null(quote.Cue);
        Assert.DoesNotContain(RulesOnly(text), q => q.Text.StartsWith("Nobody", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportedContent_EndsAtAParticipleCueOrAPronounReportingClause()
    {
        const string participle = "The vote was delayed.\n\nTom Reyes argued that the move hurt his group in the dispute, noting the board rarely meets in public.";
        IReadOnlyList<Quote> all = AllCandidates(participle);
        Assert.Contains(all, q => q.Text == "the move hurt his group in the dispute");
        Assert.Contains(all, q => q.Text == "the board rarely meets in public");

        const string pronoun = "The ruling came on Friday.\n\nThough Judge Ann Kerr said she was loath to punish a charity, she insisted the station had acted improperly.";
        all = AllCandidates(pronoun);
        Assert.Contains(all, q => q.Text == "she was loath to punish a charity");
        Assert.Contains(all, q => q.Text == "the station had acted improperly");
    }

    [Fact]
    public void AppositiveAfterSaidName_IsNoContinuation()
    {
        const string text = "The storm hit overnight.\n\nThe storm damaged 40 homes along the coast, said Tom Reyes, a spokesman for the fire department.";
        IReadOnlyList<Quote> all = AllCandidates(text);
        Assert.Contains(all, q => q.Text == "The storm damaged 40 homes along the coast");
        Assert.DoesNotContain(all, q => q.Text.Contains("spokesman for the fire", StringComparison.Ordinal));
    }
}
