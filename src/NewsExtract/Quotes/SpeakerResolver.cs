using NewsExtract.Internal;

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

    private readonly QuoteContext _c;
    private const int MaxCandidates = 300;

    /// <summary>Mention events in text order.</summary>
    private readonly List<PersonEvent> _events = [];

    /// <summary>Speaker events, appended in text order as attributions are resolved.</summary>
    private readonly List<PersonEvent> _speakerEvents = [];
    private readonly Dictionary<int, Gender> _entityGender = [];
    private readonly Dictionary<string, int> _roleHolder = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _paragraphOfOffset;
    private readonly Dictionary<int, int> _genderVotes = [];
    private readonly HashSet<int> _hasRole = [];
    private PersonEvent? _lastSpeaker;
    private Dictionary<string, int>? _byLastWord;
    private Dictionary<string, List<int>>? _byFirstWord;
    private Dictionary<string, List<int>>? _byInitials;
    private Dictionary<char, List<(string Last, int Entity)>>? _byLastInitial;
    private Dictionary<string, int>? _byPrefix;
    private HashSet<string>? _afterPlacePreposition;
    private Dictionary<EntityInfo, bool>? _personCache;
    private Dictionary<string, string>? _acronyms;

    private static readonly System.Collections.Frozen.FrozenSet<string> s_nonPersonWords = System.Collections.Frozen.FrozenSet.ToFrozenSet(
        ["of", "and", "the", "City", "County", "Open", "Province", "Nova", "Canada", "Canadian", "American", "National", "University",
         "Hospital", "School", "Centre", "Center", "Program", "Street", "Avenue", "Road", "Park", "Island", "River", "Lake", "Mountain",
         "First", "Nation", "Nations", "Affairs", "Services", "Service", "Health", "Police", "Court", "House", "Hall", "Church",
         "Club", "Cup", "League", "Press", "Post", "News", "Times", "Morgan", "Co", "Ltd", "Inc", "Corp", "Group", "Fund",
         "Foundation", "Society", "Network", "Media", "Airlines", "Motors", "Energy", "Capital", "Trust", "Market", "Exchange",
         "Federal", "Provincial", "Supreme", "Superior", "Security", "Global", "International", "Day", "Week", "Christmas",
         "Scotia", "Columbia", "Brunswick", "Ontario", "Quebec", "Alberta", "Manitoba", "Saskatchewan", "Toronto", "Vancouver",
         "Montreal", "Ottawa", "Calgary", "Edmonton", "Winnipeg", "Halifax", "York", "Washington", "Kingdom", "States", "Union",
         "Republic", "Democratic", "Liberal", "Conservative", "Party", "Government", "Ministry", "Department", "Council", "Board",
         "Office", "Agency", "Commission", "Committee", "Institute", "Association", "Authority", "Bureau", "Corporation", "Company",
         "Democrat", "Republican", "Bill", "Act", "RCMP", "Resorts", "Hotel", "Airport", "Station", "Bridge", "Tower", "Mall"],
        StringComparer.OrdinalIgnoreCase);

    public SpeakerResolver(QuoteContext context)
    {
        _c = context;
        AnalysisDocument d = context.Document;
        _paragraphOfOffset = [];
        for (int m = 0; m < d.Mentions.Length; m++)
        {
            int e = Canonical(d.MentionEntity[m], m);
            EntityInfo entity = d.Entities[e];
            MentionInfo mention = d.Mentions[m];
            // "the Ford government", "the Trump administration": a name after "the" modifies a noun; not a person antecedent.
            bool modifier = mention.FirstToken > 0 && context.Is(mention.FirstToken - 1, "the");
            bool isPerson = IsPersonEntity(entity) && !modifier;
            bool subject = IsSubjectPosition(mention.FirstToken);
            if (subject)
            {
                VoteGender(mention, e);
            }
            _events.Add(new PersonEvent(mention.Start, ParagraphOf(mention.Start), e, entity.Name, isPerson, subject));
            if (isPerson)
            {
                LearnRole(mention, e);
            }
        }

        for (int i = 0; i < _events.Count; i++)
        {
            // A person needs some evidence beyond capitalization: a given name, a title, a role or a pronoun after it.
            PersonEvent ev = _events[i];
            if (ev.IsPerson && GenderOf(ev) == Gender.Unknown && !_hasRole.Contains(ev.Entity))
            {
                _events[i] = ev with { IsPerson = false };
            }

        }

        for (int e = 0; e < d.Entities.Length; e++)
        {
            foreach (string role in d.Entities[e].Roles)
            {
                _roleHolder.TryAdd(role, e);
            }
        }
    }

    public int ParagraphOf(int offset)
    {
        Paragraph[] ps = _c.Document.Layout.Paragraphs;
        int lo = 0;
        int hi = ps.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ps[mid].End < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The speaker of the last resolved attribution, for quotes carried over.</summary>
    public PersonEvent? LastSpeaker => _lastSpeaker;

    public Speaker? Resolve(SpeakerPhrase phrase)
    {
        int start = _c.Tokens[phrase.First].Start;
        int end = _c.Tokens[phrase.Last].End;
        string surface = _c.Text[start..end];
        (int entity, string? name, bool isPerson) = phrase.Kind switch
        {
            SpeakerPhraseKind.Pronoun => ResolvePronoun(phrase.Head, start),
            SpeakerPhraseKind.Nominal => ResolveNominal(phrase),
            _ => ResolveName(phrase),
        };

        if (name is null)
        {
            return null;
        }

        var evt = new PersonEvent(start, ParagraphOf(start), entity, name, isPerson, true);
        _lastSpeaker = evt;
        if (phrase.Kind != SpeakerPhraseKind.Pronoun)
        {
            _speakerEvents.Add(evt);
        }

        int? id = entity >= 0 ? _c.Document.Entities[entity].Id : null;
        string shown = CleanName(name);
        shown = entity >= 0 ? WithHyphenTail(entity, shown) : shown;
        return new Speaker(id, IsAllCaps(shown) ? DefinedAcronym(shown) : shown, start, end, surface);
    }

    /// <summary>
    /// An acronym the text defines in parentheses ("Export Development Canada (EDC)"): the long form, since
    /// that is the organization's name; otherwise the acronym itself.
    /// </summary>
    private string DefinedAcronym(string acronym)
    {
        _acronyms ??= [];
        if (_acronyms.TryGetValue(acronym, out string? known))
        {
            return known;
        }

        string result = acronym;
        int at = _c.Text.IndexOf("(" + acronym + ")", StringComparison.Ordinal);
        if (at > 0)
        {
            int open = _c.TokenBefore(at);
            for (int n = 1; n <= acronym.Length + 4 && open - n >= 0; n++)
            {
                int first = open - n;
                if (!_c.IsCapitalized(first) || _c.EndsSentence(first))
                {
                    continue;
                }

                string candidate = _c.Text[_c.Tokens[first].Start.._c.Tokens[open - 1].End];
                if (Words(candidate) >= 2 && IsAcronymOf(acronym, candidate))
                {
                    result = candidate;
                    break;
                }
            }
        }

        _acronyms[acronym] = result;
        return result;
    }

    /// <summary>
    /// A person name whose hyphenated second part the recognizer left out ("Jody Wilson" written
    /// "Jody Wilson-Raybould"): the name as the text writes it.
    /// </summary>
    private string WithHyphenTail(int entity, string name)
    {
        AnalysisDocument d = _c.Document;
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

    /// <summary>A name as a speaker: no possessive ending; "Richard Shelby of Alabama" without the place.</summary>
    internal string CleanName(string name)
    {
        int space = name.IndexOf(' ', StringComparison.Ordinal);
        while (space > 0 && (WordClasses.LeadingFunctionWords.Contains(name[..space]) || name[..space] is "Unlike" or "Despite" or "Although"))
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
        if (parts.Length >= 3)
        {
            int lastTitle = -1;
            for (int i = 0; i < parts.Length - 2; i++)
            {
                if (WordClasses.Titles.Contains(parts[i]))
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
        foreach (string suffix in (string[])[" Inc.", " Inc", " Ltd.", " Ltd", " Corp.", " Corp", " Co.", " LLC", " Plc", " PLC"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
            {
                name = name[..^suffix.Length].TrimEnd(',');
                break;
            }
        }

        int of = name.IndexOf(" of ", StringComparison.Ordinal);
        if (of > 0)
        {
            string before = name[..of];
            string[] words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length >= 2 && !HasNonPersonWord(before) && !WordClasses.Titles.Contains(words[^1]))
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

        while (t + 2 < end && _c.In(t, WordClasses.Titles) && _c.IsPunct(t + 1, '.'))
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
        AnalysisDocument d = _c.Document;
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

        if (m >= 0)
        {
            int e = Expand(Canonical(d.MentionEntity[m], m));
            EntityInfo entity = d.Entities[e];
            if (Words(entity.Name) <= 6)
            {
                return (e, entity.Name, IsPersonEntity(entity) || (entity.Type != EntityType.Organization && (LooksLikePersonName(phrase) || PlausiblePersonSpeaker(entity.Name))));
            }
        }

        // No usable mention: the words themselves, titles dropped, joined to a known fuller name.
        int first = phrase.Last;
        while (first - 1 >= phrase.First && (_c.IsCapitalized(first - 1) || _c.In(first - 1, WordClasses.NameConnectors) || _c.IsPunct(first - 1, '.')))
        {
            first--;
        }

        while (first < phrase.Last && (_c.In(first, WordClasses.Titles) || _c.Is(first, "the") || _c.In(first, WordClasses.SpeakerNouns) || _c.IsPunct(first, '.')))
        {
            first++;
        }

        string text = _c.Text[_c.Tokens[first].Start.._c.Tokens[phrase.Last].End];
        int known = FindByLastWord(_c.Word(phrase.Last), phrase.Head);
        if (known < 0 && first == phrase.Last)
        {
            known = FindByFirstWord(_c.Word(phrase.Last), _c.Tokens[phrase.First].Start);
        }

        if (known >= 0)
        {
            return (known, d.Entities[known].Name, IsPersonEntity(d.Entities[known]));
        }

        return (-1, text, LooksLikePersonName(phrase) || PlausiblePersonSpeaker(text));
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

        if (allCaps)
        {
            return false;
        }

        return !AfterPlacePreposition(name);
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

    private (int Entity, string? Name, bool IsPerson) ResolvePronoun(int token, int offset)
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
            Gender wanted = word == "he" ? Gender.Male : Gender.Female;
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

                if (!e.IsPerson || !seen.Add(e.Entity >= 0 ? "#" + e.Entity : e.Name))
                {
                    continue;
                }

                Gender g = GenderOf(e);
                if ((g != Gender.Unknown && g != wanted) || (g == Gender.Unknown && paragraph - e.Paragraph > PronounParagraphWindow))
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
                && (GenderOf(speaker) == Gender.Unknown || GenderOf(speaker) == wanted))
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
                    && !HasNonPersonWord(e.Name) && Words(e.Name) is 2 or 3 && !_c.Document.Entities[e.Entity].Name.Contains(" and ", StringComparison.Ordinal))
                {
                    chosen = e with { IsPerson = true };
                }
            }

            return chosen is PersonEvent p ? (p.Entity, p.Name, true) : (-1, null, false);
        }

        if (word is "they" or "it")
        {
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

    private (int Entity, string? Name, bool IsPerson) ResolveNominal(SpeakerPhrase phrase)
    {
        string head = _c.Word(phrase.Head);
        bool definite = phrase.First < phrase.Head && (_c.Is(phrase.First, "the") || _c.IsCapitalized(phrase.First));
        bool singularPersonRole = !head.EndsWith('s') && !WordClasses.GroupNouns.Contains(head) && !WordClasses.DocumentNouns.Contains(head)
            && !PossessivePhrase(phrase);
        if (definite && singularPersonRole && _roleHolder.TryGetValue(head, out int holder))
        {
            return (holder, _c.Document.Entities[holder].Name, true);
        }

        // "Mayor Doug McCallum … the mayor": the role word written right before a name earlier in the text.
        if (definite && singularPersonRole)
        {
            for (int t = phrase.First - 1; t >= 0 && t >= phrase.First - 2000; t--)
            {
                if (!_c.Span(t).Equals(head, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                for (int k = t + 1; k <= t + 3 && k < phrase.First; k++)
                {
                    int m = _c.MentionAt(k);
                    if (m >= 0 && _c.IsCapitalized(k))
                    {
                        int e = Expand(Canonical(_c.Document.MentionEntity[m], m));
                        if (IsPersonEntity(_c.Document.Entities[e]))
                        {
                            return (e, _c.Document.Entities[e].Name, true);
                        }
                    }
                }
            }
        }

        // "the affable proprietor", "the professor": a definite person description refers back to the person in focus.
        if (_c.Is(phrase.First, "the") && singularPersonRole && (WordClasses.SpeakerNouns.Contains(head) || WordClasses.Titles.Contains(head)))
        {
            (int e, string? n, bool _) = MostRecentPerson(_c.Tokens[phrase.First].Start, Gender.Unknown);
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
        if (definite && WordClasses.GroupNouns.Contains(head) && !head.EndsWith('s') && head is not "police")
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

                EntityInfo entity = _c.Document.Entities[e.Entity];
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
                return (fallback, _c.Document.Entities[fallback].Name, false);
            }
        }

        string text = _c.Text[_c.Tokens[phrase.First].Start.._c.Tokens[phrase.Last].End];
        return (-1, text, false);
    }

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

    private (int Entity, string? Name, bool IsPerson) MostRecentPerson(int offset, Gender wanted)
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

            if (wanted == Gender.Unknown || GenderOf(e) is Gender.Unknown || GenderOf(e) == wanted)
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
    {
        int lo = 0;
        int hi = events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (events[mid].Offset < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>An acronym or a short organization name given where the full name is known ("EDC", "Suncor").</summary>
    private int Expand(int entity)
    {
        AnalysisDocument d = _c.Document;
        string name = d.Entities[entity].Name;
        if (Words(name) != 1 || IsPersonEntity(d.Entities[entity]))
        {
            return entity;
        }

        EnsureIndex();
        int best = -1;
        if (IsAllCaps(name) && _byInitials!.TryGetValue(name, out List<int>? acronyms))
        {
            foreach (int e in acronyms)
            {
                if (e != entity && !IsPersonEntity(d.Entities[e]))
                {
                    best = e;
                    break;
                }
            }
        }

        if (_byPrefix!.TryGetValue(name, out int prefixed) && prefixed != entity && (best < 0 || prefixed < best))
        {
            best = prefixed;
        }

        return best >= 0 ? best : entity;
    }

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

    /// <summary>A one-word mention that is the surname of a fuller person entity is that person.</summary>
    private int Canonical(int entity, int mention)
    {
        AnalysisDocument d = _c.Document;
        EntityInfo e = d.Entities[entity];
        if (Words(e.Name) > 1)
        {
            return entity;
        }

        string surface = d.Text.Substring(d.Mentions[mention].Start, d.Mentions[mention].End - d.Mentions[mention].Start);
        int found = FindByLastWord(surface, -1);
        if (found < 0)
        {
            found = FindByFirstWord(surface, d.Mentions[mention].Start);
        }

        return found >= 0 ? found : entity;
    }

    private int FindByLastWord(string word, int token)
    {
        word = word.Trim();
        if (word.Length == 0)
        {
            return -1;
        }

        EnsureIndex();
        int best = _byLastWord!.TryGetValue(word, out int exact) ? exact : -1;
        if (token >= 0 && word.Length >= 2 && _byInitials!.TryGetValue(word, out List<int>? acronyms) && (best < 0 || acronyms[0] < best))
        {
            best = acronyms[0];
        }

        if (best >= 0)
        {
            return best;
        }

        // A spelling variant of the surname (transliterations: Riabkov / Ryabkov).
        if (word.Length >= 6 && char.IsUpper(word[0]) && _byLastInitial!.TryGetValue(word[0], out List<(string Last, int Entity)>? variants))
        {
            for (int i = 0; i < variants.Count && i < 200; i++)
            {
                if (EditDistanceAtMostOne(variants[i].Last, word))
                {
                    return variants[i].Entity;
                }
            }
        }

        return -1;
    }

    /// <summary>A lone given name used for a person named in full earlier ("Jayme" for "Jayme Closs"), when only one fits.</summary>
    private int FindByFirstWord(string word, int before)
    {
        EnsureIndex();
        AnalysisDocument d = _c.Document;
        if (!_byFirstWord!.TryGetValue(word, out List<int>? list))
        {
            return -1;
        }

        int found = -1;
        foreach (int e in list)
        {
            EntityInfo entity = d.Entities[e];
            if (entity.Mentions.Count == 0 || d.Mentions[entity.Mentions[0]].Start >= before)
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

    /// <summary>Builds the name lookups once per document, so resolving stays linear in the text.</summary>
    private void EnsureIndex()
    {
        if (_byLastWord is not null)
        {
            return;
        }

        AnalysisDocument d = _c.Document;
        _byLastWord = new Dictionary<string, int>(StringComparer.Ordinal);
        _byFirstWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _byInitials = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        _byLastInitial = [];
        _byPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int e = 0; e < d.Entities.Length; e++)
        {
            string name = d.Entities[e].Name;
            int words = Words(name);
            if (words < 2 || words > 6)
            {
                continue;
            }

            string[] parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var initials = new System.Text.StringBuilder();
            foreach (string w in parts)
            {
                if (char.IsUpper(w[0]))
                {
                    initials.Append(w[0]);
                }
            }

            string key = initials.ToString();
            if (key.Length >= 2)
            {
                if (!_byInitials.TryGetValue(key, out List<int>? list))
                {
                    list = [];
                    _byInitials[key] = list;
                }

                list.Add(e);
            }

            if (IsPersonEntity(d.Entities[e]))
            {
                string last = parts[^1];
                _byLastWord.TryAdd(last, e);
                if (!_byFirstWord.TryGetValue(parts[0], out List<int>? firsts))
                {
                    firsts = [];
                    _byFirstWord[parts[0]] = firsts;
                }

                firsts.Add(e);
                if (last.Length >= 6)
                {
                    if (!_byLastInitial.TryGetValue(last[0], out List<(string, int)>? variants))
                    {
                        variants = [];
                        _byLastInitial[last[0]] = variants;
                    }

                    variants.Add((last, e));
                }
            }
            else if (!name.Contains(" of ", StringComparison.Ordinal) && !name.Contains(" and ", StringComparison.Ordinal))
            {
                _byPrefix.TryAdd(parts[0], e);
            }
        }
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static bool IsAcronymOf(string acronym, string name)
    {
        foreach (char ch in acronym)
        {
            if (!char.IsUpper(ch))
            {
                return false;
            }
        }

        var initials = new System.Text.StringBuilder();
        foreach (string w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsUpper(w[0]))
            {
                initials.Append(w[0]);
            }
        }

        return initials.ToString() == acronym;
    }

    private Gender GenderOf(PersonEvent e)
    {
        if (e.Entity < 0)
        {
            return _c.Genders.Of(e.Name);
        }

        if (_entityGender.TryGetValue(e.Entity, out Gender g))
        {
            return g;
        }

        g = Gender.Unknown;
        EntityInfo entity = _c.Document.Entities[e.Entity];
        foreach (string alias in entity.Aliases)
        {
            g = _c.Genders.Of(alias);
            if (g != Gender.Unknown)
            {
                break;
            }
        }

        if (g == Gender.Unknown)
        {
            // The resolution stage also reads honorifics and gendered roles ("spokeswoman") on every mention.
            g = GenderFromTitles(entity);
        }

        if (g == Gender.Unknown && _genderVotes.TryGetValue(e.Entity, out int votes) && votes != 0)
        {
            g = votes > 0 ? Gender.Male : Gender.Female;
        }

        if (g == Gender.Unknown)
        {
            // Last, the resolution stage's reading of honorifics, gendered roles ("spokeswoman") and first names.
            g = entity.Gender switch
            {
                PersonGender.Male => Gender.Male,
                PersonGender.Female => Gender.Female,
                _ => Gender.Unknown,
            };
        }

        _entityGender[e.Entity] = g;
        return g;
    }

    /// <summary>A title right before any mention of the entity ("Mr. Hemming", "Mrs. Clinton").</summary>
    private Gender GenderFromTitles(EntityInfo entity)
    {
        foreach (int m in entity.Mentions)
        {
            int t = _c.Document.Mentions[m].FirstToken - 1;
            if (t >= 0 && _c.Genders.OfWord(_c.Span(t)) is Gender g && g != Gender.Unknown)
            {
                return g;
            }

            if (t >= 1 && _c.IsPunct(t, '.') && _c.Genders.OfWord(_c.Span(t - 1)) is Gender g2 && g2 != Gender.Unknown)
            {
                return g2;
            }
        }

        return Gender.Unknown;
    }

    /// <summary>
    /// Whether an entity names a person: typed Person without organization or place words, or any
    /// non-organization name with a title inside ("Deputy Foreign Minister Sergei Riabkov").
    /// </summary>
    private bool IsPersonEntity(EntityInfo entity)
    {
        _personCache ??= new Dictionary<EntityInfo, bool>(ReferenceEqualityComparer.Instance);
        if (_personCache.TryGetValue(entity, out bool cached))
        {
            return cached;
        }

        bool result = ComputeIsPersonEntity(entity);
        _personCache[entity] = result;
        return result;
    }

    private bool ComputeIsPersonEntity(EntityInfo entity)
    {
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
            if (WordClasses.Titles.Contains(words[i]) || _c.Genders.Of(words[i]) != Gender.Unknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an entity is named after a preposition of place somewhere ("in Toronto", "to Ottawa").</summary>
    private bool PlaceLike(EntityInfo entity)
        => entity.Type == EntityType.Location && AfterPlacePreposition(entity.Name);

    private static bool HasNonPersonWord(string name)
    {
        foreach (string w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_nonPersonWords.Contains(w) || w.EndsWith("\u2019s", StringComparison.Ordinal) || w.EndsWith("'s", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gender evidence from the text: a he/she/his/her right after a subject mention, before any other name.</summary>
    private void VoteGender(MentionInfo mention, int entity)
    {
        if (_c.Document.Entities[entity].Type != EntityType.Person)
        {
            return;
        }

        // A possessive right after the name ("McNeely was afraid to let her guard down") or a pronoun opening the next sentence.
        int t = mention.FirstToken + mention.TokenCount;
        int limit = Math.Min(_c.Tokens.Length, t + 8);
        while (limit < _c.Tokens.Length && limit < t + 60 && !_c.EndsSentence(limit - 1))
        {
            limit++;
        }

        bool nextSentence = false;
        for (; t < limit || (nextSentence && t < _c.Tokens.Length); t++)
        {
            if (_c.MentionAt(t) >= 0 || _c.IsQuoteMark(t))
            {
                return;
            }

            if (_c.EndsSentence(t))
            {
                if (nextSentence)
                {
                    return;
                }

                nextSentence = true;
                if (t + 1 < _c.Tokens.Length && !(_c.Is(t + 1, "he") || _c.Is(t + 1, "she")))
                {
                    return;
                }

                continue;
            }

            if (t >= mention.FirstToken + mention.TokenCount + 8 && !nextSentence)
            {
                continue;
            }

            ReadOnlySpan<char> w = _c.Span(t);
            int vote = w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("his", StringComparison.OrdinalIgnoreCase) || w.Equals("him", StringComparison.OrdinalIgnoreCase) ? 1
                : w.Equals("she", StringComparison.OrdinalIgnoreCase) || w.Equals("her", StringComparison.OrdinalIgnoreCase) ? -1 : 0;
            if (vote != 0)
            {
                _genderVotes[entity] = _genderVotes.GetValueOrDefault(entity) + vote;
                return;
            }
        }
    }

    private void LearnRole(MentionInfo mention, int entity)
    {
        // "Education Minister Rob Fleming": role words inside the mention itself.
        for (int k = mention.FirstToken; k < mention.FirstToken + mention.TokenCount - 1; k++)
        {
            if (_c.In(k, WordClasses.Titles) || _c.In(k, WordClasses.SpeakerNouns))
            {
                _roleHolder[_c.Word(k)] = entity;
                _hasRole.Add(entity);
            }
        }

        // "Kremlin spokesman Dmitri Peskov": lower-case role words right before the name.
        int t = mention.FirstToken - 1;
        if (t >= 0 && _c.IsLower(t) && (_c.In(t, WordClasses.SpeakerNouns) || _c.In(t, WordClasses.Titles)))
        {
            _roleHolder[_c.Word(t)] = entity;
            _hasRole.Add(entity);
        }

        // "Dmitri Peskov, the Kremlin spokesman,": an appositive after the name.
        int a = mention.FirstToken + mention.TokenCount;
        if (a + 1 < _c.Tokens.Length && _c.IsPunct(a, ','))
        {
            for (int k = a + 1; k < _c.Tokens.Length && k <= a + 6; k++)
            {
                if (_c.IsPunct(k, ',') || _c.EndsSentence(k))
                {
                    if (k - 1 > a + 1 && _c.IsLower(k - 1) && (_c.In(k - 1, WordClasses.SpeakerNouns) || _c.In(k - 1, WordClasses.Titles)))
                    {
                        _roleHolder[_c.Word(k - 1)] = entity;
                        _hasRole.Add(entity);
                    }

                    break;
                }
            }
        }
    }

    private bool IsSubjectPosition(int token)
    {
        // The first words of a sentence or clause, or just before a verb-like word: a coarse subject test.
        int t = token - 1;
        while (t >= 0 && (_c.IsCapitalized(t) || (_c.IsLower(t) && (_c.In(t, WordClasses.Titles) || _c.In(t, WordClasses.SpeakerNouns)))))
        {
            t--;
        }

        return t < 0 || _c.EndsSentence(t) || _c.IsQuoteMark(t) || _c.IsPunct(t, ',') || (_c.Is(t, "the") && (t == 0 || _c.EndsSentence(t - 1))) || _c.Text.AsSpan(_c.Tokens[t].End, _c.Tokens[t + 1].Start - _c.Tokens[t].End).Contains('\n');
    }

    private bool LooksLikePersonName(SpeakerPhrase phrase)
    {
        for (int k = phrase.First; k <= phrase.Last; k++)
        {
            if (_c.Genders.OfWord(_c.Span(k)) != Gender.Unknown || (k < phrase.Last && (_c.In(k, WordClasses.Titles) || (_c.IsLower(k) && _c.In(k, WordClasses.SpeakerNouns) && !WordClasses.GroupNouns.Contains(_c.Word(k))))))
            {
                return true;
            }
        }

        return phrase.First > 0 && _c.In(phrase.First - 1, WordClasses.Titles);
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
