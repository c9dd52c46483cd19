using NewsExtract.Internal;
using NewsExtract.Resolution;

namespace NewsExtract.Quotes;

/// <summary>
/// Turns a speaker phrase into a <see cref="Speaker"/>: a name into its entity (canonical name; a surname
/// or an acronym into the fuller entity), a pronoun into the most recent compatible antecedent (persons
/// for he/she, preferring earlier speakers, subjects and agreeing gender), a role noun into the person
/// holding that role. Attributions must be resolved in text order: each one becomes antecedent evidence.
/// When the evidence is weak the answer is no speaker.
/// </summary>
internal sealed class SpeakerResolver
{
    private const int PronounParagraphWindow = 4;

    /// <summary>What a pronoun antecedent without person evidence loses against one with it (see <see cref="BarePersonSubject"/>).</summary>
    private const double BarePersonPenalty = 0.5;

    /// <summary>What a pronoun antecedent loses when its mention is a possessor ("Parker's plea").</summary>
    private const double PossessivePenalty = 2;

    private readonly QuoteContext _c;
    private const int MaxCandidates = 300;

    /// <summary>Mention events in text order.</summary>
    private readonly List<PersonEvent> _events = [];

    /// <summary>Speaker events, appended in text order as attributions are resolved.</summary>
    private readonly List<PersonEvent> _speakerEvents = [];
    private readonly EntityIndex _index;
    private PersonEvent? _lastSpeaker;
    private HashSet<string>? _afterPlacePreposition;
    private bool[]? _personCache;

    private static readonly Lazy<System.Collections.Frozen.FrozenSet<string>> s_nonPersonWords = new(() =>
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Lexicons.LexiconRegistry.Get("non-person-name-words").Entries, StringComparer.OrdinalIgnoreCase));

    public SpeakerResolver(QuoteContext context)
    {
        _c = context;
        _index = context.Index;
        QuoteLayers d = context.Document;
        for (int m = 0; m < d.Mentions.Length; m++)
        {
            int e = _index.EntityOfMention(m);
            MentionInfo mention = d.Mentions[m];
            // "the Ford government", "the Trump administration": a name after "the" modifies a noun; not a person antecedent.
            bool modifier = mention.FirstToken > 0 && context.Is(mention.FirstToken - 1, "the");
            // A person needs some evidence beyond capitalization: a gender or a role, as the resolution stage found them.
            bool isPerson = IsPersonEntity(e) && !modifier && _index.HasPersonEvidence(e);
            bool subject = IsSubjectPosition(mention.FirstToken);
            _events.Add(new PersonEvent(mention.Start, ParagraphOf(mention.Start), e, _index.Entity(e).Name, isPerson, subject));
        }
    }

    public int ParagraphOf(int offset) => SortedSearch.LowerBound<Paragraph>(_c.Document.Layout.Paragraphs, offset, static p => p.End);

    /// <summary>The speaker of the last resolved attribution, for quotes carried over.</summary>
    public PersonEvent? LastSpeaker => _lastSpeaker;

    public Speaker? Resolve(SpeakerPhrase phrase) => Resolve(phrase, null);

    /// <summary>
    /// Names a speaker phrase; a pronoun never names an entity of <paramref name="namedInContent"/>, the persons named in
    /// the content it reports within its own sentence ("Macharia and some colleagues hid under desks, he said": "he"
    /// is not Macharia, as in "he said Macharia hid": a pronoun does not take a name in the clause it governs).
    /// </summary>
    public Speaker? Resolve(SpeakerPhrase phrase, IReadOnlySet<int>? namedInContent)
    {
        // A sentence-opening linking word is not part of the speaker's words: "But Megan Hester said" speaks as "Megan Hester".
        int first = phrase.First;
        while (first < phrase.Head && _c.In(first, WordClasses.LeadingFunctionWords) && _c.IsCapitalized(first))
        {
            first++;
        }

        // Lowercase role words before a name are not the speaker's mention: "said farmer Tomas Lindqvist" speaks as
        // "Tomas Lindqvist" (as "said retired teacher Mary Okafor" does, whose phrase starts at the name).
        if (phrase.Kind == SpeakerPhraseKind.Name)
        {
            int k = first;
            while (k < phrase.Last && _c.IsLower(k) && (_c.In(k, WordClasses.SpeakerNouns) || _c.IsTitle(k)))
            {
                k++;
            }

            if (k > first && _c.IsCapitalized(k) && _c.MentionAt(k) is int m and >= 0 && _c.Document.Mentions[m].FirstToken == k)
            {
                first = k;
            }
        }

        phrase = phrase with { First = first };
        int start = _c.Tokens[phrase.First].Start;
        int end = _c.Tokens[phrase.Last].End;
        string surface = _c.Text[start..end];
        (int entity, string? name, bool isPerson) = phrase.Kind switch
        {
            SpeakerPhraseKind.Pronoun => ResolvePronoun(phrase.Head, start, namedInContent),
            SpeakerPhraseKind.Nominal => ResolveNominal(phrase),
            _ => ResolveName(phrase),
        };

        if (name is null)
        {
            return null;
        }

        // A speaker phrase that is exactly a mention speaks for that mention's entity (the index's answer).
        int exact = ExactMention(start, end);
        if (exact >= 0 && _index.EntityOfMention(exact) != entity)
        {
            entity = _index.EntityOfMention(exact);
            name = _index.Entity(entity).Name;
            isPerson = IsPersonEntity(entity);
        }

        var evt = new PersonEvent(start, ParagraphOf(start), entity, name, isPerson, true);
        _lastSpeaker = evt;
        if (phrase.Kind != SpeakerPhraseKind.Pronoun)
        {
            _speakerEvents.Add(evt);
        }

        int? id = entity >= 0 ? _index.Entity(entity).Id : null;
        string shown = CleanName(name, entity >= 0 && _index.Entity(entity).Type is EntityType.Organization or EntityType.Location);
        shown = entity >= 0 ? WithHyphenTail(entity, shown) : shown;
        return new Speaker(id, shown, new SpeakerMention(start, end, surface));
    }

    /// <summary>The speaker a mention of an entity gives: the entity's shown name and the mention's span.</summary>
    public Speaker SpeakerOf(int entity, int mention)
    {
        EntityInfo info = _index.Entity(entity);
        string shown = WithHyphenTail(entity, CleanName(info.Name, info.Type is EntityType.Organization or EntityType.Location));
        MentionInfo m = _c.Document.Mentions[mention];
        return new Speaker(_index.Entity(entity).Id, shown, new SpeakerMention(m.Start, m.End, _c.Text[m.Start..m.End]));
    }

    /// <summary>Whether a token stands where a subject stands (sentence or clause start, before a verb-like word).</summary>
    public bool IsSubject(int token) => IsSubjectPosition(token);

    /// <summary>The mention whose span is exactly <c>[start, end)</c>, or -1.</summary>
    private int ExactMention(int start, int end)
    {
        int m = _c.MentionAt(_c.TokenAt(start));
        return m >= 0 && _c.Document.Mentions[m].Start == start && _c.Document.Mentions[m].End == end ? m : -1;
    }

    /// <summary>
    /// A person name whose hyphenated second part the recognizer left out ("Jody Wilson" written
    /// "Jody Wilson-Raybould"): the name as the text writes it.
    /// </summary>
    private string WithHyphenTail(int entity, string name)
    {
        QuoteLayers d = _c.Document;
        foreach (int m in d.Entities[entity].Mentions)
        {
            int last = d.Mentions[m].FirstToken + d.Mentions[m].TokenCount - 1;
            if (last + 2 < _c.Tokens.Length && _c.IsGluedHyphen(last + 1)
                && name.EndsWith(_c.Word(last), StringComparison.Ordinal) && d.Mentions[m].Type == EntityType.Person)
            {
                return string.Concat(name, "-", _c.Word(last + 2));
            }
        }

        return name;
    }

    /// <summary>
    /// A name as a speaker: no possessive ending; "Richard Shelby of Alabama" without the place. Titles before
    /// a person's name are dropped, but never words of an organization's or a place's own name
    /// (<paramref name="organizationOrPlace"/>): "U.S. Energy Information Administration" keeps "Energy".
    /// </summary>
    internal string CleanName(string name, bool organizationOrPlace = false)
    {
        int space = name.IndexOf(' ', StringComparison.Ordinal);
        while (space > 0 && WordClasses.LeadingFunctionWords.Contains(name[..space]))
        {
            name = name[(space + 1)..];
            space = name.IndexOf(' ', StringComparison.Ordinal);
        }

        if (name.EndsWith("\u2019s", StringComparison.Ordinal) || name.EndsWith("'s", StringComparison.Ordinal))
        {
            name = name[..^2];
        }

        // Titles before a full name are roles, not the name: "Russian Deputy Foreign Minister Sergei Riabkov" → "Sergei Riabkov".
        string[] parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 3 && !organizationOrPlace)
        {
            int lastTitle = -1;
            for (int i = 0; i < parts.Length - 2; i++)
            {
                if (IsTitleWord(parts[i]))
                {
                    lastTitle = i;
                }
            }

            if (lastTitle >= 0 && !HasNonPersonWord(string.Join(' ', parts[(lastTitle + 1)..])))
            {
                name = string.Join(' ', parts[(lastTitle + 1)..]);
            }
        }

        // Legal-form suffixes are not part of how a speaker is named: "Suncor Energy Inc." is "Suncor Energy".
        int lastSpace = name.LastIndexOf(' ');
        if (lastSpace > 0 && _c.Lexicons.OrgSuffixes.Contains(name[(lastSpace + 1)..].Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant()))
        {
            name = name[..lastSpace].TrimEnd(',');
        }

        int of = organizationOrPlace ? -1 : name.IndexOf(" of ", StringComparison.Ordinal);
        if (of > 0)
        {
            string before = name[..of];
            string[] words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && !HasNonPersonWord(before) && !IsTitleWord(words[^1]))
            {
                name = before;
            }
        }

        return name;
    }

    /// <summary>
    /// The person a narrative sentence is about, for a cue-less quote right after it ("He struggled at
    /// first. ¶ “…”", "Yuni, a resident of …, was watching … ¶ “…”"): the subject at the start of the
    /// sentence, after linking words and one short introductory phrase, when it is a he/she pronoun or a
    /// person's name; otherwise none.
    /// </summary>
    public Speaker? NarrativeSubject(int first, int end)
    {
        int t = first;
        while (t < end && (_c.IsQuoteMark(t) || _c.In(t, WordClasses.LeadingFunctionWords)) && t - first < 3)
        {
            t++;
        }

        // One short introductory phrase: "But early on, he …", "Having lost so much, McNeely …".
        for (int k = t; k < end && k < t + 8; k++)
        {
            if (_c.IsPunct(k, ','))
            {
                if (_c.IsLower(t) || _c.In(t, WordClasses.LeadingFunctionWords) || _c.Span(t).EndsWith("ing", StringComparison.Ordinal))
                {
                    t = k + 1;
                }

                break;
            }

            if (_c.IsQuoteMark(k) || _c.EndsSentence(k))
            {
                break;
            }
        }

        while (t + 2 < end && _c.IsHonorific(t) && _c.IsPunct(t + 1, '.'))
        {
            t += 2;
        }

        if (t >= end)
        {
            return null;
        }

        if (_c.Is(t, "he") || _c.Is(t, "she"))
        {
            return Resolve(new SpeakerPhrase(t, t, t, SpeakerPhraseKind.Pronoun));
        }

        int m = _c.MentionAt(t);
        if (m < 0 || _c.Document.Mentions[m].Type != EntityType.Person || _c.Document.Mentions[m].FirstToken != t)
        {
            return null;
        }

        int last = t + _c.Document.Mentions[m].TokenCount - 1;
        while (last + 2 < end && _c.IsGluedHyphen(last + 1))
        {
            last += 2;
        }

        // A possessive ("Kody's death") is not the subject.
        if (last + 1 < end && (_c.Is(last + 1, "\u2019s") || _c.Is(last + 1, "'s")))
        {
            return null;
        }

        return Resolve(new SpeakerPhrase(t, last, last, SpeakerPhraseKind.Name));
    }

    /// <summary>Notes a speaker carried over to a later quote (keeps it the most recent speaker).</summary>
    public void Carry(PersonEvent speaker) => _lastSpeaker = speaker;

    private (int Entity, string? Name, bool IsPerson) ResolveName(SpeakerPhrase phrase)
    {
        QuoteLayers d = _c.Document;
        int m = _c.MentionAt(phrase.Head);

        // "Wilson-Raybould said" tagged as "Wilson" and "Raybould": the name is the part before the hyphen.
        if (m >= 0 && d.Mentions[m].FirstToken >= 2 && _c.IsGluedHyphen(d.Mentions[m].FirstToken - 1)
            && _c.MentionAt(d.Mentions[m].FirstToken - 2) is int glued && glued >= 0 && d.Mentions[glued].Type == d.Mentions[m].Type)
        {
            m = glued;
        }

        // "Sen. Richard Shelby of Alabama", "Jingyi Pan of IG": the person before "of", not the place or employer.
        for (int k = phrase.First + 1; m >= 0 && k < phrase.Head; k++)
        {
            int before = _c.MentionAt(k - 1);
            if (_c.Is(k, "of") && before >= 0 && before != m && d.Mentions[before].Type == EntityType.Person && d.Mentions[m].Type != EntityType.Person)
            {
                m = before;
                break;
            }
        }

        // "the 24-year-old Swiss added", "said the Briton": a nationality alone (singular: "Russians say" is a group) describes the person in focus.
        if ((phrase.First == phrase.Head || (_c.Is(phrase.First, "the") && phrase.First + 1 == phrase.Head))
            && (m < 0 || d.Mentions[m].Type != EntityType.Person) && _c.Lexicons.Demonyms.Contains(_c.Word(phrase.Head).ToLowerInvariant()))
        {
            (int e, string? n, bool _) = MostRecentPerson(_c.Tokens[phrase.First].Start, PersonGender.Unknown);
            if (n is not null)
            {
                return (e, n, true);
            }
        }

        // "according to the Meteorology, Climatology and Geophysics Agency" where the recognizer found only the last part.
        if (m < 0 && CoordinatedOrganizationAfter(phrase.Last) is int joined and >= 0)
        {
            m = joined;
        }

        // "Jingyi Pan of IG said" where the recognizer found only "IG": the capitalized words before "of" are the person.
        if (m >= 0 && d.Mentions[m].Type != EntityType.Person && NameBeforeOf(phrase, d.Mentions[m].FirstToken) is (int nameFirst, int nameLast))
        {
            string before = _c.Text[_c.Tokens[nameFirst].Start.._c.Tokens[nameLast].End];
            int holder = LookUpPieces(nameLast, false, _c.Tokens[phrase.First].Start);
            return holder >= 0 && IsPersonEntity(holder) ? (holder, _index.Entity(holder).Name, true) : (-1, before, true);
        }

        if (m >= 0)
        {
            int e = _index.EntityOfMention(m);
            EntityInfo entity = _index.Entity(e);
            if (Words(entity.Name) <= 6)
            {
                return (e, entity.Name, IsPersonEntity(e) || (entity.Type != EntityType.Organization && (LooksLikePersonName(phrase) || PlausiblePersonSpeaker(entity.Name))));
            }
        }

        // No usable mention: the words themselves, titles dropped, joined to a known fuller name.
        int first = phrase.Last;
        while (first - 1 >= phrase.First && (_c.IsCapitalized(first - 1) || _c.In(first - 1, WordClasses.NameConnectors) || _c.IsPunct(first - 1, '.')))
        {
            first--;
        }

        while (first < phrase.Last && (_c.IsTitle(first) || _c.Is(first, "the") || _c.In(first, WordClasses.SpeakerNouns) || _c.IsPunct(first, '.')))
        {
            first++;
        }

        string text = _c.Text[_c.Tokens[first].Start.._c.Tokens[phrase.Last].End];
        int known = LookUpPieces(phrase.Last, first == phrase.Last, _c.Tokens[phrase.First].Start);
        if (known >= 0)
        {
            return (known, _index.Entity(known).Name, IsPersonEntity(known));
        }

        return (-1, text, LooksLikePersonName(phrase) || PlausiblePersonSpeaker(text));
    }

    /// <summary>
    /// The organization mention that ends a coordination of capitalized words opened by the phrase's last word
    /// ("Meteorology" in "the Meteorology, Climatology and Geophysics Agency": one body named by its fields), when
    /// no word of the coordination is a mention of its own; -1 otherwise ("Canada, Mexico and the Chamber" has a
    /// place in it and is a list).
    /// </summary>
    private int CoordinatedOrganizationAfter(int last)
    {
        if (!_c.IsCapitalized(last) || _c.MentionAt(last) >= 0)
        {
            return -1;
        }

        int t = last + 1;
        for (int items = 0; items < 6 && t + 1 < _c.Tokens.Length; items++)
        {
            if (_c.Is(t, "and"))
            {
                int m = _c.MentionAt(t + 1);
                return m >= 0 && _c.Document.Mentions[m].FirstToken == t + 1 && _c.Document.Mentions[m].Type == EntityType.Organization
                    && !_c.Text.AsSpan(_c.Tokens[last].End, _c.Tokens[t + 1].Start - _c.Tokens[last].End).Contains('\n') ? m : -1;
            }

            if (!_c.IsPunct(t, ',') || !_c.IsCapitalized(t + 1) || _c.MentionAt(t + 1) >= 0)
            {
                return -1;
            }

            t += 2;
        }

        return -1;
    }

    /// <summary>
    /// In a speaker phrase "A B of X" whose X (the mention at <paramref name="mentionFirst"/>) is no person: the two or
    /// three capitalized words right before "of" when they are no mention, no title and nothing of an organization
    /// or place ("Jingyi Pan of IG", not "Minister of Finance" nor "the University of Toronto"); null otherwise.
    /// </summary>
    private (int First, int Last)? NameBeforeOf(SpeakerPhrase phrase, int mentionFirst)
    {
        int of = mentionFirst - 1;
        if (of - 2 < phrase.First || !_c.Is(of, "of"))
        {
            return null;
        }

        int first = of;
        while (first - 1 >= phrase.First && of - first < 3 && _c.IsCapitalized(first - 1) && _c.MentionAt(first - 1) < 0 && !_c.IsTitle(first - 1))
        {
            first--;
        }

        if (of - first < 2 || first != phrase.First)
        {
            return null;
        }

        string name = _c.Text[_c.Tokens[first].Start.._c.Tokens[of - 1].End];
        return HasNonPersonWord(name) || IsAllCaps(_c.Word(of - 1)) ? null : (first, of - 1);
    }

    /// <summary>A name that speaks and has nothing of a place or organization about it (no all-capitals, no such words, never after "in").</summary>
    private bool PlausiblePersonSpeaker(string name)
    {
        if (HasNonPersonWord(name) || name.Length < 2)
        {
            return false;
        }

        bool allCaps = true;
        foreach (char ch in name)
        {
            if (char.IsLower(ch))
            {
                allCaps = false;
                break;
            }
        }

        if (allCaps || EndsWithAcronym(name))
        {
            return false;
        }

        return !AfterPlacePreposition(name);
    }

    /// <summary>
    /// Whether a name of two or more words ends in an all-capitals word that is no generational suffix ("Burnaby RCMP",
    /// "Toronto FC"): a force or club named after its place, not a person ("John Smith III" is one).
    /// </summary>
    private bool EndsWithAcronym(string name)
    {
        int space = name.LastIndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        string last = name[(space + 1)..];
        return IsAllCaps(last) && !_c.Lexicons.GenerationalSuffixes.Contains(NameKey.Plain(last));
    }

    /// <summary>Whether a name is written after "in", "to" or "from" anywhere in the text (a place).</summary>
    private bool AfterPlacePreposition(string name)
    {
        if (_afterPlacePreposition is null)
        {
            _afterPlacePreposition = new HashSet<string>(StringComparer.Ordinal);
            for (int t = 0; t + 1 < _c.Tokens.Length; t++)
            {
                if (!(_c.Is(t, "in") || _c.Is(t, "to") || _c.Is(t, "from")) || !_c.IsCapitalized(t + 1))
                {
                    continue;
                }

                for (int k = t + 1; k < _c.Tokens.Length && k <= t + 4 && _c.IsCapitalized(k); k++)
                {
                    _afterPlacePreposition.Add(_c.Text[_c.Tokens[t + 1].Start.._c.Tokens[k].End]);
                }
            }
        }

        return _afterPlacePreposition.Contains(name);
    }

    private (int Entity, string? Name, bool IsPerson) ResolvePronoun(int token, int offset, IReadOnlySet<int>? excluded)
    {
        string word = _c.Word(token).ToLowerInvariant() switch
        {
            "his" => "he",
            "her" => "she",
            "their" => "they",
            "its" => "it",
            var w => w,
        };
        int paragraph = ParagraphOf(offset);
        if (word is "he" or "she")
        {
            PersonGender wanted = word == "he" ? PersonGender.Male : PersonGender.Female;
            double best = double.NegativeInfinity;
            PersonEvent? chosen = null;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int rank = 0;
            foreach (PersonEvent e in Before(offset))
            {
                if (e.Offset >= offset)
                {
                    continue;
                }

                if (paragraph - e.Paragraph > 2 * PronounParagraphWindow)
                {
                    break;
                }

                // A name typed Person with no gender or role yet, heading a clause in this paragraph or the one before
                // ("Mulder didn't hesitate. “…,” he said."): a candidate, below one with evidence.
                bool bare = !e.IsPerson && BarePersonSubject(e, paragraph);
                if ((!e.IsPerson && !bare) || (excluded is not null && excluded.Contains(e.Entity)) || !seen.Add(e.Entity >= 0 ? "#" + e.Entity : e.Name))
                {
                    continue;
                }

                PersonGender g = GenderOf(e);
                if ((g != PersonGender.Unknown && g != wanted) || (g == PersonGender.Unknown && paragraph - e.Paragraph > PronounParagraphWindow))
                {
                    rank++;
                    continue;
                }

                double score = -rank - (0.5 * (paragraph - e.Paragraph));
                if (g == wanted)
                {
                    score += 2;
                }

                if (e.IsSubject)
                {
                    score += 2.5;
                }

                if (bare)
                {
                    score -= BarePersonPenalty;
                }

                if (IsPossessiveMention(e))
                {
                    // "… receptive to Parker's plea. “…,” she said.": a possessor modifies a noun and is seldom the
                    // antecedent of a subject pronoun when someone else headed the clause.
                    score -= PossessivePenalty;
                }

                if (_lastSpeaker is PersonEvent last && Same(last, e))
                {
                    score += 1;
                }

                if (score > best)
                {
                    best = score;
                    chosen = e;
                }

                rank++;
            }

            // The last speaker when it agrees and is recent, even if its mention is older than the window.
            if (chosen is null && _lastSpeaker is PersonEvent speaker && speaker.IsPerson && paragraph - speaker.Paragraph <= 2
                && (excluded is null || !excluded.Contains(speaker.Entity))
                && (GenderOf(speaker) == PersonGender.Unknown || GenderOf(speaker) == wanted))
            {
                chosen = speaker;
            }

            // Last resort: a name the recognizer typed as a person, without other evidence, heading a clause close by.
            foreach (PersonEvent e in Before(offset))
            {
                if (chosen is not null)
                {
                    break;
                }

                if (e.Offset >= offset)
                {
                    continue;
                }

                if (paragraph - e.Paragraph > 1)
                {
                    break;
                }

                if (!e.IsPerson && e.IsSubject && e.Entity >= 0 && _c.Document.Entities[e.Entity].Type == EntityType.Person
                    && (excluded is null || !excluded.Contains(e.Entity))
                    && !HasNonPersonWord(e.Name) && Words(e.Name) is 2 or 3 && !_c.Document.Entities[e.Entity].Name.Contains(" and ", StringComparison.Ordinal))
                {
                    chosen = e with { IsPerson = true };
                }
            }

            return chosen is PersonEvent p ? (p.Entity, p.Name, true) : (-1, null, false);
        }

        if (word is "they" or "it")
        {
            // "the government is grappling with what it says …", "Republican senators are eager …, and they say …": a
            // group noun heading a subject earlier in the pronoun's own sentence is the antecedent, before any entity.
            if (GroupSubjectBefore(token, word == "they") is (int first, int head))
            {
                return (-1, _c.Text[_c.Tokens[first].Start.._c.Tokens[head].End], false);
            }

            // Organizations and groups: the most recent non-person subject close by.
            if (_lastSpeaker is PersonEvent last && !last.IsPerson && paragraph - last.Paragraph <= 1)
            {
                return (last.Entity, last.Name, false);
            }

            foreach (PersonEvent e in Before(offset))
            {
                if (e.Offset >= offset)
                {
                    continue;
                }

                if (paragraph - e.Paragraph > 1)
                {
                    break;
                }

                EntityInfo candidate = e.Entity >= 0 ? _c.Document.Entities[e.Entity] : null!;
                bool group = e.Entity >= 0 && (candidate.Type == EntityType.Organization
                    || (word == "they" && (candidate.Name.Contains(" and ", StringComparison.Ordinal) || (candidate.Name.EndsWith('s') && !candidate.Name.EndsWith("ss", StringComparison.Ordinal)))));
                if (!e.IsPerson && e.IsSubject && group)
                {
                    return (e.Entity, e.Name, false);
                }
            }
        }

        return (-1, null, false);
    }

    /// <summary>
    /// The nearest noun phrase before a "they"/"it" speaker pronoun (<paramref name="token"/>) in its sentence that heads a
    /// clause and ends in a group noun (lexicon <c>speaker-nouns</c>: a <c>group</c> noun in the singular for "it"; for
    /// "they" a plural whose singular is a speaker or group noun), with at most two capitalized words or "the" before it
    /// and a lower-case word after it: its first token and head. Null when a mention heading a clause comes first
    /// (the entity rules below decide) or the phrase holds a mention.
    /// </summary>
    private (int First, int Head)? GroupSubjectBefore(int token, bool plural)
    {
        for (int t = token - 1; t > 0; t--)
        {
            if (_c.EndsSentence(t) || _c.IsQuoteMark(t) || _c.Text.AsSpan(_c.Tokens[t].End, _c.Tokens[t + 1].Start - _c.Tokens[t].End).Contains('\n'))
            {
                return null;
            }

            if (_c.MentionAt(t) >= 0)
            {
                int m = _c.MentionAt(t);
                if (_c.Document.Mentions[m].FirstToken == t && IsSubjectPosition(t))
                {
                    return null;
                }

                continue;
            }

            if (!_c.IsLower(t) || t + 1 >= token || !_c.IsLower(t + 1) || !IsGroupHead(t, plural))
            {
                continue;
            }

            int first = t;
            while (first > 0 && t - first < 2 && _c.MentionAt(first - 1) < 0 && (_c.Is(first - 1, "the") || _c.IsCapitalized(first - 1)) && !_c.In(first - 1, WordClasses.LeadingFunctionWords))
            {
                first--;
            }

            int before = first - 1;
            if (before < 0 || _c.EndsSentence(before) || _c.IsPunct(before, ',') || _c.In(before, WordClasses.Subordinators)
                || _c.Text.AsSpan(_c.Tokens[before].End, _c.Tokens[first].Start - _c.Tokens[before].End).Contains('\n'))
            {
                return (first, t);
            }
        }

        return null;
    }

    private bool IsGroupHead(int t, bool plural)
    {
        string w = _c.Word(t);
        if (!plural)
        {
            return WordClasses.GroupNouns.Contains(w) && !w.EndsWith('s');
        }

        return w.Length > 3 && w.EndsWith('s')
            && (WordClasses.GroupNouns.Contains(w) || WordClasses.SpeakerNouns.Contains(_c.Lexicons.Singular(w)) || WordClasses.SpeakerNouns.Contains(w[..^1]));
    }

    /// <summary>Whether a mention event's name is followed by a possessive ’s or 's ("Parker's plea").</summary>
    private bool IsPossessiveMention(PersonEvent e)
    {
        int m = _c.MentionAt(_c.TokenAt(e.Offset));
        if (m < 0 || _c.Document.Mentions[m].Start != e.Offset)
        {
            return false;
        }

        int end = _c.Document.Mentions[m].End;
        return end + 1 < _c.Text.Length && _c.Text[end] is '\u2019' or '\'' && _c.Text[end + 1] == 's'
            && (end + 2 == _c.Text.Length || !char.IsLetter(_c.Text[end + 2]));
    }

    /// <summary>
    /// A mention event of an entity typed Person without other evidence (<see cref="EntityIndex.HasPersonEvidence"/>),
    /// in subject position, in the pronoun's paragraph or the one before, with a name of one to three words and
    /// nothing of an organization in it.
    /// </summary>
    private bool BarePersonSubject(PersonEvent e, int paragraph)
    {
        if (!e.IsSubject || e.Entity < 0 || paragraph - e.Paragraph > 1 || _c.Document.Entities[e.Entity].Type != EntityType.Person
            || HasNonPersonWord(e.Name) || Words(e.Name) > 3 || e.Name.Contains(" and ", StringComparison.Ordinal))
        {
            return false;
        }

        // Not in a photo caption, not inside a quotation: narrative subjects only.
        if (_c.Furniture.IsPhotoCaption(e.Paragraph))
        {
            return false;
        }

        foreach (Structure.QuoteRegion region in _c.Furniture.QuoteRegions(e.Paragraph))
        {
            if (e.Offset >= region.ContentStart && e.Offset < region.ContentEnd)
            {
                return false;
            }
        }

        // A verb-like lower-case word right after the name ("Mulder didn't"), not a list or an apposition ("Jaidaa, left,").
        int m = _c.MentionAt(_c.TokenAt(e.Offset));
        if (m < 0)
        {
            return false;
        }

        int next = _c.Document.Mentions[m].FirstToken + _c.Document.Mentions[m].TokenCount;
        return next < _c.Tokens.Length && _c.IsWord(next) && _c.IsLower(next);
    }

    private (int Entity, string? Name, bool IsPerson) ResolveNominal(SpeakerPhrase phrase)
    {
        string head = _c.Word(phrase.Head);
        bool definite = phrase.First < phrase.Head && (_c.Is(phrase.First, "the") || _c.IsCapitalized(phrase.First));
        bool singularPersonRole = !head.EndsWith('s') && !WordClasses.GroupNouns.Contains(head) && !WordClasses.DocumentNouns.Contains(head)
            && !PossessivePhrase(phrase);
        // "the Kremlin spokesman", "the mayor": the entity the resolution stage found holding that role,
        // by the whole phrase first, then by its head; of several holders, the one mentioned last.
        if (definite && singularPersonRole && RoleHolder(phrase) is int holder && holder >= 0)
        {
            return (holder, _index.Entity(holder).Name, true);
        }

        // "a justice official said … the official said": a definite description with the head of the last speaker's
        // description, when that speaker was no entity, is the same unnamed person.
        if (_c.Is(phrase.First, "the") && singularPersonRole && _lastSpeaker is PersonEvent unnamed && unnamed.Entity < 0
            && ParagraphOf(_c.Tokens[phrase.First].Start) - unnamed.Paragraph <= 2 && SameHead(unnamed.Name, head))
        {
            return (-1, unnamed.Name, true);
        }

        // "the affable proprietor", "the professor": a definite person description refers back to the person in focus.
        if (_c.Is(phrase.First, "the") && singularPersonRole && (WordClasses.SpeakerNouns.Contains(head) || IsTitleWord(head)))
        {
            (int e, string? n, bool _) = MostRecentPerson(_c.Tokens[phrase.First].Start, PersonGender.Unknown);
            if (n is not null)
            {
                return (e, n, true);
            }
        }

        // "the statement said", "the post read": the document speaks for the last speaker close by.
        if (_c.Is(phrase.First, "the") && WordClasses.DocumentNouns.Contains(head) && !head.EndsWith('s')
            && _lastSpeaker is PersonEvent author && ParagraphOf(_c.Tokens[phrase.First].Start) - author.Paragraph <= 2)
        {
            return (author.Entity, author.Name, author.IsPerson);
        }

        // "the agency", "the ministry", "the company": the organization named with that word, else the
        // organization most recently in subject position or speaking, close by.
        // Not "the mayor's staff", "Surrey staff", "Trudeau's office": those are the people of whoever is named before
        // the noun, and speak as the phrase itself.
        bool retinue = WordClasses.RetinueNouns.Contains(head) && (PossessivePhrase(phrase) || !_c.Is(phrase.First, "the"));
        if (definite && WordClasses.GroupNouns.Contains(head) && !head.EndsWith('s') && head is not "police" && !retinue)
        {
            int offset = _c.Tokens[phrase.First].Start;
            int paragraph = ParagraphOf(offset);
            int fallback = -1;
            foreach (PersonEvent e in Before(offset))
            {
                if (e.Offset >= offset || e.Entity < 0 || e.IsPerson)
                {
                    continue;
                }

                if (paragraph - e.Paragraph > 8)
                {
                    break;
                }

                EntityInfo entity = _index.Entity(e.Entity);
                if (entity.Name.Contains(head, StringComparison.OrdinalIgnoreCase) && Words(entity.Name) > 1)
                {
                    return (e.Entity, entity.Name, false);
                }

                if (paragraph - e.Paragraph > 4)
                {
                    continue;
                }

                if (fallback < 0 && entity.Type == EntityType.Organization && !PlaceLike(entity) && paragraph - e.Paragraph <= 2)
                {
                    fallback = e.Entity;
                }
            }

            if (fallback >= 0)
            {
                return (fallback, _index.Entity(fallback).Name, false);
            }
        }

        string text = _c.Text[_c.Tokens[phrase.First].Start.._c.Tokens[phrase.Last].End];
        return (-1, text, false);
    }

    /// <summary>
    /// The holder of the role a definite description names ("the Kremlin spokesman", "the mayor") through the
    /// entity index: the role phrase as written, else its head noun; of several holders the one mentioned
    /// last before the phrase, else the first. -1 when no entity holds the role.
    /// </summary>
    private int RoleHolder(SpeakerPhrase phrase)
    {
        int from = phrase.First;
        while (from < phrase.Head && (_c.Is(from, "the") || _c.In(from, WordClasses.Determiners)))
        {
            from++;
        }

        ReadOnlySpan<int> holders = [];
        if (from < phrase.Head)
        {
            holders = _index.ByRolePhrase(_c.Text[_c.Tokens[from].Start.._c.Tokens[phrase.Head].End].ToLowerInvariant());
        }

        if (holders.IsEmpty)
        {
            holders = _index.ByRoleHead(_c.Lexicons.Singular(_c.Word(phrase.Head).ToLowerInvariant()));
        }

        if (holders.IsEmpty)
        {
            return -1;
        }

        int last = _index.LastMentionedBefore(holders, _c.Document.Mentions, _c.Tokens[phrase.First].Start);
        return last >= 0 ? last : holders[0];
    }

    /// <summary>Whether a description ends in the noun <paramref name="head"/> ("a justice official" and "official"; not "officials").</summary>
    private static bool SameHead(string description, string head)
        => description.AsSpan(description.LastIndexOf(' ') + 1).Equals(head, StringComparison.OrdinalIgnoreCase);

    /// <summary>"McCallum’s staff": a possessor names whose people speak, not who.</summary>
    private bool PossessivePhrase(SpeakerPhrase phrase)
    {
        for (int k = phrase.First; k < phrase.Head; k++)
        {
            if (_c.Span(k).EndsWith("\u2019s", StringComparison.Ordinal) || _c.Span(k).EndsWith("'s", StringComparison.Ordinal) || _c.Is(k, "\u2019s") || _c.Is(k, "'s"))
            {
                return true;
            }
        }

        return false;
    }

    private (int Entity, string? Name, bool IsPerson) MostRecentPerson(int offset, PersonGender wanted)
    {
        int paragraph = ParagraphOf(offset);
        if (_lastSpeaker is PersonEvent last && last.IsPerson && paragraph - last.Paragraph <= 2)
        {
            return (last.Entity, last.Name, true);
        }

        foreach (PersonEvent e in Before(offset))
        {
            if (e.Offset >= offset || !e.IsPerson)
            {
                continue;
            }

            if (paragraph - e.Paragraph > 2)
            {
                break;
            }

            if (wanted == PersonGender.Unknown || GenderOf(e) is PersonGender.Unknown || GenderOf(e) == wanted)
            {
                return (e.Entity, e.Name, true);
            }
        }

        return (-1, null, false);
    }

    /// <summary>
    /// Mention and speaker events before an offset, most recent first, at most <see cref="MaxCandidates"/>
    /// (binary search, so a long text stays linear).
    /// </summary>
    private List<PersonEvent> Before(int offset)
    {
        int i = LowerBound(_events, offset) - 1;
        int j = LowerBound(_speakerEvents, offset) - 1;
        var result = new List<PersonEvent>();
        while ((i >= 0 || j >= 0) && result.Count < MaxCandidates)
        {
            if (j < 0 || (i >= 0 && _events[i].Offset > _speakerEvents[j].Offset))
            {
                result.Add(_events[i--]);
            }
            else
            {
                result.Add(_speakerEvents[j--]);
            }
        }

        return result;
    }

    private static int LowerBound(List<PersonEvent> events, int offset)
        => SortedSearch.LowerBound<PersonEvent>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(events), offset, static e => e.Offset);

    private static bool IsAllCaps(string word)
    {
        foreach (char ch in word)
        {
            if (!char.IsUpper(ch))
            {
                return false;
            }
        }

        return word.Length >= 2;
    }

    /// <summary>
    /// A speaker name that is not a mention ("Mr. Hemming" the tagger missed), looked up piece by piece in the
    /// entity index: an acronym by its initials, the last word as a surname, a lone word as a given name
    /// (only when one entity mentioned before has it). Of several entities, the one mentioned last before
    /// the phrase. -1 when the index knows none.
    /// </summary>
    private int LookUpPieces(int lastToken, bool lone, int before)
    {
        string word = _c.Word(lastToken);
        MentionInfo[] mentions = _c.Document.Mentions;
        if (EntityIndex.IsAcronym(word) && _index.ByInitials(word) is { IsEmpty: false } acronym)
        {
            int a = _index.LastMentionedBefore(acronym, mentions, before);
            return a >= 0 ? a : acronym[0];
        }

        ReadOnlySpan<int> bySurname = _index.BySurname(word);
        if (!bySurname.IsEmpty)
        {
            int s = _index.LastMentionedBefore(bySurname, mentions, before);
            return s >= 0 ? s : bySurname[0];
        }

        if (lone)
        {
            int found = -1;
            foreach (int e in _index.ByGivenName(word))
            {
                if (_index.FirstMentionStart(e) >= before)
                {
                    continue;
                }

                if (found >= 0)
                {
                    return -1;
                }

                found = e;
            }

            return found;
        }

        return -1;
    }

    /// <summary>The resolution stage's gender of an antecedent (Unknown when it is not an entity: no guessing).</summary>
    private PersonGender GenderOf(PersonEvent e) => e.Entity >= 0 ? _index.GenderOf(e.Entity) : PersonGender.Unknown;

    /// <summary>Whether a word (any case, dots ignored) is a title, role word or honorific of the resolution stage's lists.</summary>
    private bool IsTitleWord(string word)
    {
        string key = word.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return _c.Lexicons.Honorifics.ContainsKey(key) || _c.Lexicons.IsTitleHead(key) || _c.Lexicons.IsTitleModifier(key);
    }

    /// <summary>
    /// Whether an entity names a person: typed Person by the resolution stage, without organization or place
    /// words in its name; or a name typed neither Person nor Organization with a title or honorific inside
    /// ("Deputy Foreign Minister Sergei Riabkov").
    /// </summary>
    private bool IsPersonEntity(int entity)
    {
        _personCache ??= new bool[_index.Count * 2];
        if (_personCache[2 * entity])
        {
            return _personCache[(2 * entity) + 1];
        }

        bool result = ComputeIsPersonEntity(entity);
        _personCache[2 * entity] = true;
        _personCache[(2 * entity) + 1] = result;
        return result;
    }

    private bool ComputeIsPersonEntity(int e)
    {
        EntityInfo entity = _index.Entity(e);
        if (HasNonPersonWord(entity.Name))
        {
            return false;
        }

        if (entity.Type == EntityType.Person)
        {
            return true;
        }

        if (entity.Type == EntityType.Organization)
        {
            return false;
        }

        string[] words = entity.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length - 1; i++)
        {
            if (IsTitleWord(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an entity is named after a preposition of place somewhere ("in Toronto", "to Ottawa").</summary>
    private bool PlaceLike(EntityInfo entity)
        => entity.Type == EntityType.Location && AfterPlacePreposition(entity.Name);

    private bool HasNonPersonWord(string name)
    {
        foreach (string w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_nonPersonWords.Value.Contains(w) || _c.Lexicons.OrgSuffixes.Contains(w.Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant()) || w.EndsWith("\u2019s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSubjectPosition(int token)
    {
        // The first words of a sentence or clause, or just before a verb-like word: a coarse subject test.
        int t = token - 1;
        while (t >= 0 && (_c.IsCapitalized(t) || (_c.IsLower(t) && (_c.IsTitle(t) || _c.In(t, WordClasses.SpeakerNouns)))))
        {
            t--;
        }

        return t < 0 || _c.EndsSentence(t) || _c.IsQuoteMark(t) || _c.IsPunct(t, ',') || (_c.Is(t, "the") && (t == 0 || _c.EndsSentence(t - 1))) || _c.Text.AsSpan(_c.Tokens[t].End, _c.Tokens[t + 1].Start - _c.Tokens[t].End).Contains('\n');
    }

    private bool LooksLikePersonName(SpeakerPhrase phrase)
    {
        for (int k = phrase.First; k <= phrase.Last; k++)
        {
            if (_c.IsGivenNameOrHonorific(k) || (k < phrase.Last && (_c.IsTitle(k) || (_c.IsLower(k) && _c.In(k, WordClasses.SpeakerNouns) && !WordClasses.GroupNouns.Contains(_c.Word(k))))))
            {
                return true;
            }
        }

        return phrase.First > 0 && _c.IsTitle(phrase.First - 1);
    }

    private static bool Same(PersonEvent a, PersonEvent b)
        => a.Entity >= 0 ? a.Entity == b.Entity : string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static int Words(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char ch in s)
        {
            if (ch == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                n++;
            }
        }

        return n;
    }
}
