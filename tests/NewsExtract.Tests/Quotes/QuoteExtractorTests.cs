namespace NewsExtract.Tests.Quotes;

/// <summary>
/// The quote stage end to end on sentences written for these tests: detection, kinds and each
/// attribution sieve, including the hard cases (nested quotes, two speakers, headlines, unbalanced marks,
/// two women and "she said").
/// </summary>
public class QuoteExtractorTests
{
    private static readonly ArticleAnalyzer s_analyzer = ArticleAnalyzer.CreateDefault();

    private static IReadOnlyList<Quote> Quotes(string text)
    {
        ArticleAnalysis analysis = s_analyzer.Analyze(text, TestContext.Current.CancellationToken);
        Infrastructure.OffsetInvariants.AssertValid(text, analysis);
        return analysis.Quotes;
    }

    private static Quote QuoteWith(IReadOnlyList<Quote> quotes, string fragment)
        => Assert.Single(quotes, q => q.Text.Contains(fragment, StringComparison.Ordinal));

    private static string? LastName(Quote quote) => quote.Speaker?.Name.Split(' ')[^1];

    [Fact]
    public void Extract_CueAfterQuoteWithName_AttributesToThatName()
    {
        const string text = "Talks ended on Monday.\n\n\u201CEverything depends on our counterparts,\u201D Mark Holloway assured reporters.";
        Quote quote = QuoteWith(Quotes(text), "Everything depends");
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("Everything depends on our counterparts,", quote.Text);
        Assert.Equal("Holloway", LastName(quote));
        Assert.Equal("assured", quote.Cue?.Text);
    }

    [Fact]
    public void Extract_QuoteOverSeveralParagraphsOnOneLine_IsReadPieceByPieceWithOneSpeaker()
    {
        // The paragraphs of a long quote written on one line: each piece opens with a straight mark, only the last closes.
        const string text = "The coach was furious.\n\n\"We were robbed,\" said coach Gareth Pryce.\n\n"
            + "\"We did everything we could. I am proud of my players. \"I thought we dominated. Tom Ellery had a great game at prop. "
            + "\"The referee made his call and we have to live with it.\" The team flies home on Monday.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.DoesNotContain(quotes, q => q.Text.Contains("flies home", StringComparison.Ordinal));
        Assert.Equal("Pryce", LastName(QuoteWith(quotes, "We did everything")));
        Assert.Equal("Pryce", LastName(QuoteWith(quotes, "I thought we dominated")));
        Assert.Equal("Pryce", LastName(QuoteWith(quotes, "The referee made")));
    }

    [Theory]
    [InlineData("the club boss")]
    [InlineData("the veteran striker")]
    [InlineData("the singer")]
    public void Extract_InvertedCueWithAnOccupationNoun_ReadsTheDescriptionAsTheSpeaker(string description)
    {
        string text = "Rovers lost again on Saturday.\n\n\"It was a poor afternoon for us,\" said " + description + ".";
        Quote quote = QuoteWith(Quotes(text), "poor afternoon");
        Assert.Equal("said", quote.Cue?.Text);
        Assert.NotNull(quote.Speaker);
    }

    [Theory]
    [InlineData("Harriet Vane, MP for Eastbury, said", "Vane")]
    [InlineData("Harriet Vane, mayor of Leeds, West Yorkshire, said", "Vane")]
    [InlineData("Harriet Vane, during a meeting in Columbus, Ohio, said", "Vane")]
    public void Extract_AppositionEndingInAPlace_SpeaksAsTheSubjectBeforeIt(string subjectAndCue, string name)
    {
        string text = "The council met on Monday.\n\n" + subjectAndCue + " the plan would fail.";
        Assert.Equal(name, LastName(QuoteWith(Quotes(text), "plan would fail")));
    }

    [Fact]
    public void Extract_RoleForAPlace_SpeaksAsTheRoleNotThePlace()
    {
        const string text = "The council met on Monday.\n\nThe new health minister for Wales says the plan would fail.";
        Quote quote = QuoteWith(Quotes(text), "plan would fail");
        Assert.NotNull(quote.Speaker);
        Assert.DoesNotContain("Wales", quote.Speaker.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mayor Jane Pike on Tuesday said", "Pike")]
    [InlineData("The Daily Courier on Saturday reported", "Courier")]
    public void Extract_DayBetweenSubjectAndCue_IsNotTheSpeaker(string subjectAndCue, string name)
    {
        string text = "The vote was close.\n\n" + subjectAndCue + " that the budget would pass.";
        Assert.Equal(name, LastName(QuoteWith(Quotes(text), "budget would pass")));
    }

    [Theory]
    [InlineData("Nora Blake said: \"We will win.\" Omar Haddad said he disagreed.")]
    [InlineData("Asked about it, Nora Blake said, \"We will win.\" Omar Haddad has said he will veto the bill.")]
    [InlineData("Nora Blake told reporters: \u201CWe will win.\u201D Omar Haddad said he disagreed.")]
    public void Extract_QuoteIntroducedByACueThatClosesItsSentence_BelongsToThatCue(string paragraph)
    {
        string text = "The vote is on Monday.\n\n" + paragraph;
        Assert.Equal("Blake", LastName(QuoteWith(Quotes(text), "We will win")));
    }

    [Theory]
    [InlineData("Speaking to reporters, the 24-year-old Swiss added: \"I played well.\"")]
    [InlineData("\"I played well,\" said the Canadian.")]
    public void Extract_NationalityAsTheSpeaker_IsThePersonInFocus(string paragraph)
    {
        string text = "Lena Vogt won the final on Sunday. \"It was hard,\" Vogt said.\n\nShe now plays in Paris.\n\n" + paragraph;
        Assert.Equal("Vogt", LastName(QuoteWith(Quotes(text), "played well")));
    }

    [Theory]
    [InlineData("the Sunday Courier newspaper")]
    [InlineData("BBC Radio 4")]
    public void Extract_ToldAnOutlet_ContentStartsAfterTheOutletsName(string outlet)
    {
        string text = "The minister spoke on Sunday.\n\nNora Blake told " + outlet + " there would be no new casinos.";
        Quote quote = QuoteWith(Quotes(text), "no new casinos");
        Assert.Equal("there would be no new casinos", quote.Text);
    }

    [Fact]
    public void Extract_InvertedCue_AttributesToTheNameAfterIt()
    {
        const string text = "The plan was approved.\n\n\"It will save lives,\" said Dr. Helen Marsh, a surgeon at the hospital.";
        Assert.Equal("Marsh", LastName(QuoteWith(Quotes(text), "save lives")));
    }

    [Theory]
    [InlineData("said retired teacher Mary Okafor", "Mary Okafor")]
    [InlineData("said farmer Tomas Lindqvist", "Tomas Lindqvist")]
    [InlineData("said local shopkeeper Priya Raman", "Priya Raman")]
    public void Extract_InvertedCueWithLowercaseRoleWords_KeepsTheCueAndPointsAtTheName(string cueAndSpeaker, string name)
    {
        string text = "The bridge reopened on Friday.\n\n\u201CWe waited three years for this,\u201D " + cueAndSpeaker + ".";
        Quote quote = QuoteWith(Quotes(text), "three years");
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal(name, quote.Speaker?.Mention?.Text);
    }

    [Theory]
    [InlineData("in a note")]
    [InlineData("in a report")]
    [InlineData("in televised remarks")]
    public void Extract_MediumBetweenCueAndThat_ContentStartsAfterThat(string medium)
    {
        string text = "Oil prices fell on Tuesday.\n\nAnalysts at Harbor Capital said " + medium
            + " that they expected prices to recover by the end of the quarter.";
        Quote quote = QuoteWith(Quotes(text), "expected prices");
        Assert.StartsWith("they expected", quote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("But")]
    [InlineData("Meanwhile")]
    public void Extract_LinkingWordOpensTheSentence_IsNotPartOfTheSpeakersWords(string linking)
    {
        string text = "Parents say the state owes their schools millions.\n\n" + linking
            + " Megan Hester, a senior organizer at a civic group, said the fight was far from over.";
        Quote quote = QuoteWith(Quotes(text), "far from over");
        Assert.Equal("Megan Hester", quote.Speaker?.Name);
        Assert.Equal("Megan Hester", quote.Speaker?.Mention?.Text);
    }

    [Fact]
    public void Extract_PronounSubject_ResolvesToTheMostRecentPerson()
    {
        const string text = "Robert Dunn spoke after the vote.\n\n\u201CWe lost this round,\u201D he said.";
        Quote quote = QuoteWith(Quotes(text), "We lost");
        Assert.Equal("Dunn", LastName(quote));
        Assert.Equal("he", quote.Speaker?.Mention?.Text);
    }

    [Fact]
    public void Extract_SheSaidWithTwoWomen_PrefersTheSubjectAndLastSpeaker()
    {
        const string text = "Mary Collins met Susan Ward at the station.\n\n\u201CThe trains are late again,\u201D Collins said.\n\n\u201CNobody is fixing them,\u201D she said.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Collins", LastName(QuoteWith(quotes, "Nobody is fixing")));
    }

    [Fact]
    public void Extract_SheSaidWithTwoWomenInTheParagraph_PrefersTheSubject()
    {
        const string text = "Mary Collins thanked Susan Ward for the report. \u201CNobody else would have found it,\u201D she said.";
        Assert.Equal("Collins", LastName(QuoteWith(Quotes(text), "Nobody else")));
    }

    [Fact]
    public void Extract_PronounWithManAndWoman_UsesGenderFromTheGivenName()
    {
        const string text = "Susan Ward thanked John Miller for the report.\n\n\u201CIt changed everything,\u201D she said.";
        Assert.Equal("Ward", LastName(QuoteWith(Quotes(text), "changed everything")));
    }

    [Fact]
    public void Extract_PronounWithOnlyAnOrganization_GivesNoPersonSpeaker()
    {
        const string text = "The Harbor Authority approved the plan.\n\n\u201CIt was overdue,\u201D he said.";
        Quote quote = QuoteWith(Quotes(text), "overdue");
        Assert.Null(quote.Speaker);
    }

    [Fact]
    public void Extract_RoleNoun_ResolvesToTheRoleHolder()
    {
        const string text = "Kremlin spokesman Dmitri Peskov spoke on Tuesday. Officials met later.\n\n\u201CThe talks were useful,\u201D the spokesman said.";
        Assert.Equal("Peskov", LastName(QuoteWith(Quotes(text), "talks were useful")));
    }

    private static readonly ArticleAnalyzer s_rules = ArticleAnalyzer.CreateWithSpeakerModel(new ArticleAnalyzerOptions(), null);

    /// <summary>The quotes of the rule pass alone (no speaker model).</summary>
    private static IReadOnlyList<Quote> RuleQuotes(string text) => s_rules.Analyze(text, TestContext.Current.CancellationToken).Quotes;

    private const string UnnamedOfficial = "Finance Minister Carla Benoit tabled the budget on Monday.\n\n"
        + "A finance official told reporters that the deficit would shrink next year.\n\n"
        + "\u201CWe expect a surplus by 2028,\u201D the official said.";

    [Fact]
    public void Extract_DefiniteDescriptionRepeatingAnUnnamedSpeaker_IsThatSpeakerNotTheNamedMinister()
    {
        // Rule pass: "the official" repeats the head of "A finance official", who is no entity; Benoit is a minister.
        Quote rules = QuoteWith(RuleQuotes(UnnamedOfficial), "surplus");
        Assert.Equal("A finance official", rules.Speaker?.Name);
        Assert.Null(rules.Speaker?.EntityId);
        Assert.Equal("the official", rules.Speaker?.Mention?.Text);

        // And through the shipped ranker.
        Assert.Equal("official", LastName(QuoteWith(Quotes(UnnamedOfficial), "surplus")));
    }

    [Fact]
    public void Extract_DefiniteDescriptionWithAnotherHead_StillRefersToThePersonInFocus()
    {
        // "the minister" does not repeat "official": the description goes to the named minister, as before.
        string text = UnnamedOfficial.Replace("the official said", "the minister said", StringComparison.Ordinal);
        Quote quote = QuoteWith(RuleQuotes(text), "surplus");
        Assert.Equal("Benoit", LastName(quote));
    }

    [Fact]
    public void Extract_ItAfterAGroupNounSubjectOfItsSentence_IsThatGroupNotAnOrganizationBefore()
    {
        // "it" heads no clause of its own: the group noun subject of its sentence ("the government") is the antecedent,
        // not the organization named in the paragraph before.
        const string text = "Westmark Holdings cut 200 jobs in March.\n\n"
            + "The layoffs come at a time when the government is struggling with what it says is a record deficit.";
        Quote quote = QuoteWith(RuleQuotes(text), "record deficit");
        Assert.Equal("the government", quote.Speaker?.Name);
        Assert.Null(quote.Speaker?.EntityId);
        Assert.Equal("it", quote.Speaker?.Mention?.Text);
    }

    [Fact]
    public void Extract_TheyAfterAPluralSpeakerNounSubjectOfItsSentence_IsThatGroup()
    {
        const string text = "Northfield Energy posted a loss on Tuesday.\n\n"
            + "State senators are eager to pass the budget, and they say the vote will come next week.";
        Quote quote = QuoteWith(RuleQuotes(text), "vote will come");
        Assert.Equal("State senators", quote.Speaker?.Name);
        Assert.Null(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_TheyAfterANamedSubjectOfItsSentence_KeepsTheEntity()
    {
        // A mention heading a clause between the group noun and the pronoun is the nearer subject: the entity rules decide.
        const string text = "The officials met on Monday, and Northfield Energy says they expect a loss this year.";
        Quote quote = QuoteWith(RuleQuotes(text), "loss this year");
        Assert.NotEqual("The officials", quote.Speaker?.Name);
    }

    private const string TwoManagers = "Paul Becker ran the branch downtown. Tom Reyes managed the office next door.\n\n";

    [Fact]
    public void Extract_PronounCueAfterContentNamingAPerson_IsNotThatPerson()
    {
        // "Reyes and two colleagues hid …, he said" is "he said Reyes and two colleagues hid": "he" is not Reyes,
        // for both pieces around the cue.
        const string text = TwoManagers + "Reyes and two colleagues hid under their desks, he said, but a guard ran to the roof.";
        IReadOnlyList<Quote> quotes = RuleQuotes(text);
        Assert.Equal("Becker", LastName(QuoteWith(quotes, "hid under their desks")));
        Assert.Equal("Becker", LastName(QuoteWith(quotes, "guard ran to the roof")));
    }

    [Fact]
    public void Extract_PronounCueAfterANameInANestedQuotation_MayBeThatPerson()
    {
        // A name inside a quotation nested in the content is someone else's words addressing the speaker.
        const string text = TwoManagers + "\u201CMy boss told me, \u2018Reyes, you did well,\u2019 and I believed him,\u201D he said.";
        Assert.Equal("Reyes", LastName(QuoteWith(RuleQuotes(text), "believed him")));
    }

    [Fact]
    public void Extract_SingularDescriptionAfterAPluralGroup_IsNotTheGroup()
    {
        // "Finance officials" are several people; "the official" is not that group.
        string text = UnnamedOfficial.Replace("A finance official told", "Finance officials told", StringComparison.Ordinal);
        Quote quote = QuoteWith(RuleQuotes(text), "surplus");
        Assert.NotEqual("Finance officials", quote.Speaker?.Name);
    }

    [Fact]
    public void Extract_GroupDescriptionAfterACreditLine_StaysItself()
    {
        // "Associated Press" ends a caption paragraph as its credit: no antecedent of "The military".
        const string text = "Floodwater covered the coastal road near Pelabuhan on Sunday.\n\n"
            + "Residents carry belongings through a flooded street in the port town. Associated Press\n\n"
            + "The military said it was sending troops and medics to the worst-hit villages.";
        Quote quote = QuoteWith(RuleQuotes(text), "sending troops");
        Assert.Equal("The military", quote.Speaker?.Name);
        Assert.Null(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_GroupDescriptionAfterAnOrganizationInsideQuotedWords_IsTheSpeakingOrganization()
    {
        // The last "Rio Tinto" is inside the quoted words of Amnesty International, the organization that spoke.
        const string text = "Mayor Ken Doyle said last week that a study had been done by Rio Tinto.\n\n"
            + "Amnesty International said it had received \u201Cletters from hundreds of residents who were never consulted by Rio Tinto.\u201D\n\n"
            + "The group says those residents include fishers, farmers and teachers.";
        Quote quote = QuoteWith(RuleQuotes(text), "fishers");
        Assert.Equal("Amnesty International", quote.Speaker?.Name);
    }

    [Fact]
    public void Extract_GroupDescriptionAfterAnOrganizationNamedAsAnObjectEarlier_StaysItself()
    {
        // "Rio Tinto" is an object two paragraphs back, not a subject of the narrative.
        const string text = "Residents of Aldmore protested on Friday against the quarry planned by Rio Tinto.\n\n"
            + "About two hundred people joined the march.\n\n"
            + "The commission said it would decide on the permit in March.";
        Quote quote = QuoteWith(RuleQuotes(text), "permit");
        Assert.Equal("The commission", quote.Speaker?.Name);
        Assert.Null(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_GroupDescriptionAfterAnOrganizationInTheSameParagraph_IsThatOrganization()
    {
        // In the description's own paragraph, an organization just named as an object is still its antecedent.
        const string text = "Mayor Ken Doyle spoke at the hall on Monday.\n\n"
            + "The spill near the river was cleaned up by Rio Tinto within a week. The company told reporters on Friday that the water was safe again.";
        Quote quote = QuoteWith(RuleQuotes(text), "water was safe");
        Assert.Equal("Rio Tinto", quote.Speaker?.Name);
    }

    [Fact]
    public void Extract_GroupDescriptionEndingInALegalFormWord_KeepsItsHead()
    {
        // "group" and "company" are legal-form words of names ("Acme Group"), but "The company" alone is no name to shorten.
        const string text = "Residents of Aldmore protested on Friday.\n\nThe company told reporters that it had done nothing wrong.";
        Quote quote = QuoteWith(RuleQuotes(text), "nothing wrong");
        Assert.Equal("The company", quote.Speaker?.Name);
    }

    [Fact]
    public void Extract_SpeakerNounWithAnOfPhraseBeforeARelativeClause_IsTheSpeaker()
    {
        // "Another member of the public, whose …, wrote:": the description speaks, not the person named before it.
        const string text = "Gordon Blake chaired the hearing in Ottawa on Tuesday, and he spoke first.\n\n"
            + "Another member of the public, whose name was withheld, wrote: \u201CThe council has ignored our letters for years.\u201D";
        Quote quote = QuoteWith(RuleQuotes(text), "ignored our letters");
        Assert.Equal("Another member of the public", quote.Speaker?.Name);
        Assert.Null(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_RelativeClauseBeforeCue_SkipsToTheSubject()
    {
        const string text = "Deputy Minister Peter Hale, who led the delegation in Geneva, said that the talks would continue next month.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("Hale", LastName(quote));
        Assert.StartsWith("the talks would continue", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NameAfterCueIsNotTheSpeaker_KeepsThePronoun()
    {
        const string text = "Andrew Fisher spoke at length.\n\n\u201CWe have nowhere to retreat,\u201D he said, paraphrasing Putin.";
        Assert.Equal("Fisher", LastName(QuoteWith(Quotes(text), "nowhere to retreat")));
    }

    [Fact]
    public void Extract_QuoteParagraphWithoutCue_CarriesThePreviousSpeaker()
    {
        const string text = "\u201CIt was a hard game,\u201D Coach Daniel Price said.\n\n\u201CWe will be better next week.\u201D";
        Quote carried = QuoteWith(Quotes(text), "better next week");
        Assert.Equal("Price", LastName(carried));
        Assert.NotNull(carried.Speaker);
        Assert.Null(carried.Speaker.Mention);
        Assert.Null(carried.Cue);
    }

    [Fact]
    public void Extract_MultiParagraphQuote_SharesTheAttributionOfItsLastPart()
    {
        const string text = "The hearing ended late.\n\n\u201CWe waited for years and nobody listened to us.\n\n\u201CNow we will be heard,\u201D Grace Nolan said.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Nolan", LastName(QuoteWith(quotes, "waited for years")));
        Assert.Equal("Nolan", LastName(QuoteWith(quotes, "will be heard")));
    }

    [Fact]
    public void Extract_OrganizationSpeaker_IsAttributed()
    {
        const string text = "Russia says the sanctions will fail and that trade will recover within a year.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal("Russia", quote.Speaker?.Name);
        Assert.Equal("says", quote.Cue?.Text);
    }

    [Fact]
    public void Extract_SpeakerBeforeColonWithAppositive_AttributesToTheName()
    {
        const string text = "Hugh Hill, a doctor, said: \u201CWe are seeing more cases every week.\u201D";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("Hill", LastName(quote));
    }

    [Fact]
    public void Extract_AffiliationInsideSubject_AttributesToTheSenator()
    {
        const string text = "Sen. Jane Doe, D-Mich., said the bill would not pass the Senate this year.";
        Assert.Equal("Doe", LastName(Assert.Single(Quotes(text))));
    }

    [Fact]
    public void Extract_AffiliationThenAppositive_SkipsBothSegments()
    {
        const string text = "Sen. Jane Doe, D-Mich., a member of the budget panel, said the bill would not pass the Senate this year.";
        Assert.Equal("Doe", LastName(Assert.Single(Quotes(text))));
    }

    [Fact]
    public void Extract_NameOfPlaceBeforeCue_AttributesToThePerson()
    {
        const string text = "\u201CThe vote will be close,\u201D Sen. Richard Brown of Ohio said on Tuesday.";
        Assert.Equal("Brown", LastName(Assert.Single(Quotes(text))));
    }

    [Fact]
    public void Extract_HyphenatedSurname_KeepsBothParts()
    {
        const string text = "Former minister Jody Wilson-Raybould spoke in Ottawa on Monday.\n\n\u201CWe are not changing the law,\u201D Wilson-Raybould said.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal("Wilson-Raybould", LastName(quote));
    }

    [Fact]
    public void Extract_AcronymSpeaker_IsTheEntityResolutionGaveTheAcronym()
    {
        // The quote stage names no entity of its own: whether "NGEA" is the association is the resolution
        // stage's decision, and the speaker follows it (the speaker/mention invariant).
        const string text = "Northern Grain Exporters Association (NGEA) held a meeting on Monday.\n\nNGEA said prices would fall next year.";
        ArticleAnalysis analysis = ArticleAnalyzer.CreateDefault().Analyze(text, TestContext.Current.CancellationToken);
        Quote quote = QuoteWith(analysis.Quotes, "prices would fall");
        int at = text.LastIndexOf("NGEA said", StringComparison.Ordinal);
        Mention mention = Assert.Single(analysis.Mentions, m => m.Start == at);
        Assert.Equal(mention.EntityId, quote.Speaker?.EntityId);
        Assert.Equal(Assert.Single(analysis.Entities, e => e.Id == mention.EntityId).Name, quote.Speaker?.Name);
    }

    [Fact]
    public void Extract_CuelessQuoteAfterNarrative_TakesTheSubjectOfTheSentenceBefore()
    {
        const string text = "The storm hit the coast on Saturday.\n\nMaria Lopez, a teacher in the town, was at home when the water came.\n\n\u201CI heard a rumbling sound and then the door burst open.\u201D";
        Assert.Equal("Lopez", LastName(QuoteWith(Quotes(text), "rumbling sound")));
    }

    [Fact]
    public void Extract_CuelessQuoteAfterNarrativeAboutAThing_IsAtMostALowConfidenceGuess()
    {
        // No cue and no person in the sentence before: the model may guess the person in focus (GGT's
        // convention often gives a cue-less quote to the person the story is about), but not with high
        // confidence, so a strict caller's threshold leaves the speaker out.
        const string text = "Maria Lopez lives in the town.\n\nThe storm hit the coast on Saturday.\n\n\u201CI heard a rumbling sound and then the door burst open.\u201D";
        Speaker? guess = QuoteWith(Quotes(text), "rumbling sound").Speaker;
        Assert.True(guess is null || guess.Confidence < 0.9, $"confidence {guess?.Confidence}");
        ArticleAnalyzer strict = ArticleAnalyzer.Create(new ArticleAnalyzerOptions { MinSpeakerConfidence = 0.9 });
        Assert.Null(QuoteWith(strict.Analyze(text, TestContext.Current.CancellationToken).Quotes, "rumbling sound").Speaker);
    }

    [Fact]
    public void Extract_HyphenatedAppositive_SkipsItToTheName()
    {
        const string text = "Sam Ortiz, Ontario-based policy director with Grain Growers of Canada, said he expects prices to fall next year.";
        Assert.Equal("Ortiz", LastName(Assert.Single(Quotes(text))));
    }

    [Fact]
    public void Extract_PortfolioListAppositive_SkipsItToTheName()
    {
        const string text = "Maria Lopez, Minister of Trade, Industry and Energy, said the tariffs would be lifted in the spring.";
        Assert.Equal("Lopez", LastName(Assert.Single(Quotes(text))));
    }

    [Fact]
    public void Extract_DashAttribution_AttributesToTheName()
    {
        const string text = "\u201CThe best is yet to come.\u201D \u2014 Jane Doe";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal("Doe", LastName(quote));
    }

    [Fact]
    public void Extract_MidQuoteCue_GivesBothPartsTheSpeaker()
    {
        // The gold data splits "“First,” she said, “second.”" into two quotes with one speaker; so do we.
        const string text = "Laura Evans spoke first.\n\n\u201CI am not an alien,\u201D she said, \u201Cbut I am a mutant.\u201D";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Evans", LastName(QuoteWith(quotes, "not an alien")));
        Assert.Equal("Evans", LastName(QuoteWith(quotes, "a mutant")));
    }

    [Fact]
    public void Extract_TwoSpeakersInOneParagraph_EachGetsTheirOwn()
    {
        const string text = "\u201CWe will appeal,\u201D Thomas Reed said, while Anna Lopez said, \u201CThe ruling stands.\u201D";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Reed", LastName(QuoteWith(quotes, "appeal")));
        Assert.Equal("Lopez", LastName(QuoteWith(quotes, "ruling stands")));
    }

    [Fact]
    public void Extract_QuoteInsideQuote_IsOneQuote()
    {
        const string text = "\u201CHe told me \u2018never again\u2019 and walked out,\u201D Paul Grant said.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal("He told me \u2018never again\u2019 and walked out,", quote.Text);
        Assert.Equal("Grant", LastName(quote));
    }

    [Fact]
    public void Extract_ScareQuoteWithoutSpeechVerb_IsNotSpeech()
        => Assert.Empty(Quotes("The so-called \u201Cmiracle\u201D drug sold out in a week."));

    [Fact]
    public void Extract_QuotedWordTiedToSpeechVerb_IsPartial()
    {
        const string text = "Peter Wood opened the meeting, although he called the results \u201Cunsuccessful\u201D in his remarks.";
        Quote quote = Assert.Single(Quotes(text), q => q.Text.Contains("unsuccessful", StringComparison.Ordinal));
        Assert.Equal(QuoteKind.Partial, quote.Kind);
        Assert.Equal("Wood", LastName(quote));
    }

    [Fact]
    public void Extract_QuoteInHeadlineWithoutAttribution_IsNotReported()
    {
        const string text = "\u2018No magic pill\u2019 for city violence\n\nThe council met on Monday to discuss the budget.";
        Assert.Empty(Quotes(text));
    }

    [Fact]
    public void Extract_UnbalancedMarks_StayInsideTheParagraph()
    {
        const string text = "\u201CThis quote never closes, said nobody\n\nA new paragraph with facts only.\n\nAnother one.";
        foreach (Quote quote in Quotes(text))
        {
            Assert.DoesNotContain('\n', quote.Text);
        }
    }

    [Fact]
    public void Extract_NonSpeechUseOfDeny_IsNotReportedSpeech()
        => Assert.Empty(Quotes("Peter Mrazek stopped 22 shots and denied the Flames on several prime chances."));

    [Fact]
    public void Extract_AccordingTo_IsIndirectWithTheSource()
    {
        const string text = "According to Maria Lopez, the bridge will reopen in the spring after repairs.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("Lopez", LastName(quote));
        Assert.StartsWith("the bridge will reopen", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ContentThenSpeakerAndCue_IsIndirect()
    {
        const string text = "The tsunami was caused by an undersea landslide after the eruption, Nugroho said.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Indirect, quote.Kind);
        Assert.Equal("Nugroho", LastName(quote));
        Assert.EndsWith("after the eruption", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ToldReporters_SkipsTheObject()
    {
        const string text = "Mayor Karen Bell told reporters the budget would be balanced by next year.";
        Quote quote = Assert.Single(Quotes(text));
        Assert.StartsWith("the budget would", quote.Text, StringComparison.Ordinal);
        Assert.Equal("Bell", LastName(quote));
    }

    [Fact]
    public void Extract_ReportedFragmentWithQuote_IsPartialOverTheClause()
    {
        const string text = "Karen Bell said the station\u2019s stand \u201Cwas clearly adopted to frustrate the applicants.\u201D";
        Quote quote = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Partial, quote.Kind);
        Assert.StartsWith("the station", quote.Text, StringComparison.Ordinal);
        Assert.Equal("Bell", LastName(quote));
    }

    [Fact]
    public void Extract_PossessiveStatement_ResolvesToTheOwner()
    {
        const string text = "Jane Morris resigned on Monday.\n\n\u201CI leave with pride,\u201D her statement said.";
        Assert.Equal("Morris", LastName(QuoteWith(Quotes(text), "leave with pride")));
    }

    [Fact]
    public void Extract_ParentheticalCue_GivesTheStatementOnBothSides()
    {
        const string text = "Robert Dunn spoke on Monday.\n\nThe drugs have a limited set of uses, he says, and are mostly meant to be taken only briefly.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Dunn", LastName(QuoteWith(quotes, "limited set of uses")));
        Assert.Equal("Dunn", LastName(QuoteWith(quotes, "mostly meant")));
    }

    [Fact]
    public void Extract_CoordinatedSpeechVerbs_GiveTwoStatements()
    {
        const string text = "The lawsuit says the player was involved in more than 70 fights and alleges that the leagues did not protect him.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("alleges", QuoteWith(quotes, "leagues did not").Cue?.Text);
    }

    [Fact]
    public void Extract_NegatedOrPassiveCue_IsNotReportedSpeech()
    {
        Assert.Empty(Quotes("The charging documents do not say that he ever attempted an escape from the cabin."));
        Assert.Empty(Quotes("Dolores LaPlante was reported by a plumber who had been called to the address."));
    }

    [Fact]
    public void Extract_NounUseOfCueVerb_IsNotReportedSpeech()
        => Assert.Empty(Quotes("The final report is to be released in the spring by the agency."));

    [Fact]
    public void Extract_PhotoCaption_IsSkipped()
        => Assert.Empty(Quotes("Jane Golden said she looked for the co-worker who shared the drugs. (Steve Lawrence/CBC)"));

    [Theory]
    [InlineData("Brantford staff said", "Brantford staff")]
    [InlineData("Mayor Ellen Vos\u2019s staff later said", "Vos\u2019s staff")]
    [InlineData("Vos's office said", "Vos's office")]
    public void Extract_GroupNamedByItsPossessorOrNameModifier_SpeaksAsThePhrase(string cue, string speaker)
    {
        // "X staff" / "X's office": the people of X speak, so neither X nor another organisation close by is the speaker.
        string text = "Rink Budget Questioned\n\nThe Brantford Minor Hockey Association asked Brantford for more ice time, and Mayor Ellen Vos "
            + "promised a review.\n\n" + cue + " the rink schedule would stay as it is for another season.";
        Quote quote = QuoteWith(Quotes(text), "rink schedule");
        Assert.EndsWith(speaker, quote.Speaker?.Name, StringComparison.Ordinal);
        Assert.Null(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_DefiniteGroupNoun_StillSpeaksForTheOrganizationNamedBefore()
    {
        const string text = "Rink Budget Questioned\n\nThe Brantford Minor Hockey Association asked the city for more ice time.\n\n"
            + "The association said the rink schedule leaves young players without a home arena.";
        Quote quote = QuoteWith(Quotes(text), "rink schedule");
        Assert.Equal("Brantford Minor Hockey Association", quote.Speaker?.Name);
        Assert.NotNull(quote.Speaker?.EntityId);
    }

    [Fact]
    public void Extract_Deterministic_SameInputSameQuotes()
    {
        string text = ArticleAnalyzer.GetSampleArticle();
        Assert.Equal(Quotes(text), Quotes(text));
    }

    // British convention (single marks for quotes, double marks nested): sentences written for these tests.
    [Fact]
    public void Extract_BritishStraightSingleQuotes_BothQuotesOfThePronounSpeaker()
    {
        const string text = "Energy prices rose again.\n\nThe energy minister, Sarah Jones, said on Monday that households faced a hard winter.\n\n"
            + "'We are doing everything we can to help families,' she told the BBC. 'But prices will stay high.'";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Quote first = QuoteWith(quotes, "everything we can");
        Assert.Equal("We are doing everything we can to help families,", first.Text);
        Assert.Equal(QuoteKind.Direct, first.Kind);
        Assert.Equal("Jones", LastName(first));
        Quote second = QuoteWith(quotes, "prices will stay high");
        Assert.Equal("But prices will stay high.", second.Text);
        Assert.Equal("Jones", LastName(second));
    }

    [Fact]
    public void Extract_BritishCurlyQuoteWithoutCue_SharesThePreviousQuotesSpeaker()
    {
        const string text = "The vote was close.\n\nOpposition leader Tom Baker called for a windfall tax.\n\n"
            + "\u2018This is a disgrace,\u2019 said Mr Baker. \u2018People are suffering.\u2019";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Assert.Equal("Baker", LastName(QuoteWith(quotes, "disgrace")));
        Quote second = QuoteWith(quotes, "People are suffering");
        Assert.Equal("People are suffering.", second.Text);
        Assert.Equal("Baker", LastName(second));
    }

    [Fact]
    public void Extract_BritishQuoteOverTwoParagraphs_BothPartsToTheSpeaker()
    {
        const string text = "The health secretary, Anna Marsh, spoke at the conference in Leeds.\n\n"
            + "\u2018We will hire more nurses this year and train thousands more.\n\n"
            + "\u2018And we will build two new hospitals in the north,\u2019 she said.";
        IReadOnlyList<Quote> quotes = Quotes(text);
        Quote first = QuoteWith(quotes, "hire more nurses");
        Assert.Equal("We will hire more nurses this year and train thousands more.", first.Text);
        Assert.Equal("Marsh", LastName(first));
        Assert.Equal("Marsh", LastName(QuoteWith(quotes, "two new hospitals")));
    }

    [Fact]
    public void Extract_BritishQuoteWithNestedDoubleQuote_IsOneDirectQuote()
    {
        const string text = "The report was published on Tuesday.\n\n\u2018They called it \u201Ca national scandal\u201D and they were right,\u2019 said Anna Marsh.";
        Quote quote = QuoteWith(Quotes(text), "national scandal");
        Assert.Equal("They called it \u201Ca national scandal\u201D and they were right,", quote.Text);
        Assert.Equal(QuoteKind.Direct, quote.Kind);
        Assert.Equal("Marsh", LastName(quote));
    }

    [Fact]
    public void Extract_BritishQuoteWithApostrophes_KeepsTheWholeQuote()
    {
        const string text = "The band played on Saturday.\n\n'We don't play rock 'n' roll like in the '90s, and the players' union knows it,' said Liam O'Neill.";
        Quote quote = QuoteWith(Quotes(text), "rock 'n' roll");
        Assert.Equal("We don't play rock 'n' roll like in the '90s, and the players' union knows it,", quote.Text);
        Assert.Equal("O'Neill", LastName(quote));
    }

    [Fact]
    public void Extract_SameArticleInBritishMarks_SameQuotesAndSpeakers()
    {
        const string text = "Council votes on the new budget\n\n"
            + "The mayor, Helen Ward, said on Monday that the plan was \u201Cthe best we can do\u201D.\n\n"
            + "\u201CWe will protect the libraries,\u201D she said. \u201CNobody loses their job.\u201D\n\n"
            + "Councillor Peter Lund called the plan \u201Ca \u2018temporary\u2019 fix\u201D and voted against it.\n\n"
            + "Peter Lund left the chamber before the vote ended.\n\n"
            + "\u201CThis budget fails the city.\n\n"
            + "\u201CWe will fight it in the spring,\u201D he said.";
        string british = NewsExtract.Training.Evaluation.QuoteStyleRewriter.ToSingleMarks(text);
        Assert.Contains("\u2018We will protect the libraries,\u2019", british, StringComparison.Ordinal);
        IReadOnlyList<Quote> original = Quotes(text);
        IReadOnlyList<Quote> rewritten = Quotes(british);
        Assert.True(original.Count >= 5, $"{original.Count} quotes");
        Assert.Equal(original.Select(q => (q.Start, q.End, q.Kind, q.Speaker?.Name)), rewritten.Select(q => (q.Start, q.End, q.Kind, q.Speaker?.Name)));
    }
}
