using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Resolution;

/// <summary>
/// The first step of resolution: repairs or drops mentions a tagger gets wrong in general ways, before
/// clustering. It only narrows, splits or drops spans (never widens them), so every offset still points
/// into the original text.
/// </summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>Mentions in boilerplate and in a repeated title are dropped; mentions in a heading are kept
/// only when the same name is also a mention in the running text ("History" as a heading is not an entity).</item>
/// <item>A span followed by a bracketed acronym spelled only by its trailing part after "of" is narrowed
/// to that part ("Permanent Council of the Organization for Security and Cooperation in Europe (OSCE)").</item>
/// <item>A low-confidence span that joins names with "and" ("Venezuela and Cuba") is split at each
/// "and", unless it also holds "of"/"for" ("Organization for Security and Cooperation in Europe").</item>
/// <item>Edge punctuation, a possessive ending ("Russia\u2019s") and a leading lower-case "the" are trimmed.</item>
/// <item>Leading titles, honorifics and nationality words are stripped from person names
/// ("Russian Deputy Foreign Minister Sergei Riabkov" -> "Sergei Riabkov", "Presidents Putin" -> "Putin");
/// the stripped words become a role and mark the rest as a person.</item>
/// <item>Mentions made only of such words ("Russian", "Deputy Foreign Minister", "Presidents") are dropped.</item>
/// </list>
/// </remarks>
internal sealed class MentionCleaner
{
    /// <summary>Below this tagger confidence a span's boundaries and type are open to repair.</summary>
    public const float LowConfidence = 0.6f;

    private readonly ResolutionLexicons _lexicons;

    public MentionCleaner(ResolutionLexicons lexicons) => _lexicons = lexicons;

    /// <summary>
    /// Cleans the tagger's mentions into a new array in text order, each recording the index of the raw
    /// mention it came from; <paramref name="rawMentions"/> is not changed.
    /// </summary>
    public CleanMention[] Clean(string text, ArticleLayout layout, Token[] tokens, MentionInfo[] rawMentions)
    {
        Paragraph[] paragraphs = layout.Paragraphs;
        TextSpan? title = layout.Title;
        var kept = new List<(CleanMention Mention, bool InHeading)>();
        for (int raw = 0; raw < rawMentions.Length; raw++)
        {
            MentionInfo mention = rawMentions[raw];
            if (mention.Start < 0 || mention.End > text.Length || mention.End <= mention.Start)
            {
                continue;
            }

            ParagraphKind kind = KindAt(paragraphs, mention.Start, out int paragraphStart);
            if (kind == ParagraphKind.Boilerplate || (kind == ParagraphKind.Title && title is TextSpan t && paragraphStart != t.Start))
            {
                continue;
            }

            List<(int Start, int End)> words = Words(text, mention.Start, mention.End);
            if (words.Count == 0)
            {
                continue;
            }

            words = NarrowToAcronymExpansion(text, words, mention.End);

            // A plural title in front of coordinated names covers all of them: "Presidents Putin and Joe Biden".
            CleanMention? shared = null;
            foreach ((int first, int count) in SplitCoordination(text, words, mention))
            {
                if (CleanPart(text, words.GetRange(first, count), mention) is CleanMention part)
                {
                    if (shared is CleanMention s && !part.PersonEvidence)
                    {
                        part = part with { Mention = part.Mention with { Type = EntityType.Person }, Role = s.Role, PersonEvidence = true };
                    }
                    else if (part.PersonEvidence && part.Role is string role && _lexicons.Singular(LastWord(role)) != LastWord(role))
                    {
                        shared = part;
                    }

                    if (part.Gender == PersonGender.Unknown)
                    {
                        part = part with { Gender = PrecedingHonorificGender(text, part.Mention.Start) };
                    }

                    kept.Add((part with { Role = SingularRole(part.Role), RawMention = raw }, kind == ParagraphKind.Heading));
                }
            }
        }

        // A heading mention stays only when its name is also a mention outside headings.
        var bodyNames = new HashSet<string>(StringComparer.Ordinal);
        foreach ((CleanMention m, bool inHeading) in kept)
        {
            if (!inHeading)
            {
                bodyNames.Add(NameKey.Plain(text[m.Mention.Start..m.Mention.End]));
            }
        }

        var result = new List<CleanMention>(kept.Count);
        foreach ((CleanMention m, bool inHeading) in kept)
        {
            if (!inHeading || bodyNames.Contains(NameKey.Plain(text[m.Mention.Start..m.Mention.End])))
            {
                result.Add(WithTokens(tokens, m));
            }
        }

        result.Sort((a, b) => a.Mention.Start != b.Mention.Start ? a.Mention.Start.CompareTo(b.Mention.Start) : b.Mention.End.CompareTo(a.Mention.End));

        // Overlapping results (a tagger emitting nested spans) keep the first, longest one.
        var clean = new List<CleanMention>(result.Count);
        int lastEnd = -1;
        foreach (CleanMention m in result)
        {
            if (m.Mention.Start >= lastEnd)
            {
                clean.Add(m);
                lastEnd = m.Mention.End;
            }
        }

        return clean.ToArray();
    }

    /// <summary>
    /// "Permanent Council of the Organization for Security and Cooperation in Europe (OSCE)": when a span
    /// is followed by a parenthesized acronym that its own initials do not spell but the initials of a
    /// trailing part after "of"/"at"/"for"/"in"/"on" (and an optional "the") do, that trailing part is
    /// the name the acronym introduces, and the span is narrowed to it. The head ("Permanent Council of
    /// the") is dropped: mentions cannot nest, and the writer marked the trailing part as the name.
    /// </summary>
    internal List<(int Start, int End)> NarrowToAcronymExpansion(string text, List<(int Start, int End)> words, int end)
    {
        if (words.Count < 4 || Acronym(text, end) is not string acronym || SpellsAcronym(text, words, 0, acronym))
        {
            return words;
        }

        // Longest trailing part first: "Board of the Bank of England (BoE)" keeps "Bank of England".
        for (int k = 2; k + 1 < words.Count; k++)
        {
            ReadOnlySpan<char> before = text.AsSpan(words[k - 1].Start, words[k - 1].End - words[k - 1].Start);
            if (before is "the" && k >= 3)
            {
                before = text.AsSpan(words[k - 2].Start, words[k - 2].End - words[k - 2].Start);
            }

            if (before is "of" or "at" or "for" or "in" or "on" && char.IsUpper(text[words[k].Start])
                && SpellsAcronym(text, words, k, acronym))
            {
                return words.GetRange(k, words.Count - k);
            }
        }

        return words;
    }

    /// <summary>The letters of an acronym in brackets right after <paramref name="end"/> ("(OSCE)", "(U.N.)"), upper case; or null.</summary>
    private static string? Acronym(string text, int end)
    {
        int i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        if (i >= text.Length || text[i] != '(')
        {
            return null;
        }

        var letters = new System.Text.StringBuilder();
        for (i++; i < text.Length && letters.Length <= 10; i++)
        {
            char c = text[i];
            if (c == ')')
            {
                return letters.Length >= 2 ? letters.ToString() : null;
            }

            if (char.IsUpper(c))
            {
                letters.Append(c);
            }
            else if (c != '.')
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether the initials of words[from..] spell the acronym, with or without the function words.</summary>
    private bool SpellsAcronym(string text, List<(int Start, int End)> words, int from, string acronym)
    {
        var content = new System.Text.StringBuilder();
        var all = new System.Text.StringBuilder();
        for (int i = from; i < words.Count; i++)
        {
            (int s, int e) = words[i];
            int first = s;
            while (first < e && !char.IsLetter(text[first]))
            {
                first++;
            }

            if (first == e)
            {
                continue;
            }

            char initial = char.ToUpperInvariant(text[first]);
            all.Append(initial);
            if (!_lexicons.InitialsSkipWordLookup.Contains(text.AsSpan(first, e - first)))
            {
                content.Append(initial);
            }
        }

        return content.ToString() == acronym || all.ToString() == acronym;
    }

    /// <summary>The gender of an honorific written just before the span ("Mrs Johnson" tagged as "Johnson").</summary>
    private PersonGender PrecedingHonorificGender(string text, int start)
    {
        int end = start;
        while (end > 0 && text[end - 1] == ' ')
        {
            end--;
        }

        if (end == start || end == 0)
        {
            return PersonGender.Unknown;
        }

        int wordEnd = end > 0 && text[end - 1] == '.' ? end - 1 : end;
        int wordStart = wordEnd;
        while (wordStart > 0 && wordEnd - wordStart < 8 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordStart == wordEnd || (wordStart > 0 && char.IsLetter(text[wordStart - 1])))
        {
            return PersonGender.Unknown;
        }

        return _lexicons.Honorifics.TryGetValue(NameKey.Plain(text[wordStart..wordEnd]), out PersonGender gender) ? gender : PersonGender.Unknown;
    }

    private static string LastWord(string role) => role[(role.LastIndexOf(' ') + 1)..];

    /// <summary>"russian deputy foreign ministers" -> "russian deputy foreign minister": each person holds one.</summary>
    private string? SingularRole(string? role)
    {
        if (role is null)
        {
            return null;
        }

        string last = LastWord(role);
        string singular = _lexicons.Singular(last);
        return singular == last ? role : string.Concat(role.AsSpan(0, role.Length - last.Length), singular);
    }

    private static ParagraphKind KindAt(Paragraph[] paragraphs, int offset, out int paragraphStart)
    {
        int lo = 0;
        int hi = paragraphs.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (paragraphs[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else if (paragraphs[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else
            {
                paragraphStart = paragraphs[mid].Start;
                return paragraphs[mid].Kind;
            }
        }

        paragraphStart = -1;
        return ParagraphKind.Body;
    }

    private static List<(int Start, int End)> Words(string text, int start, int end)
    {
        var words = new List<(int Start, int End)>();
        int i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int s = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > s)
            {
                words.Add((s, i));
            }
        }

        return words;
    }

    /// <summary>
    /// The parts of a low-confidence span: split at "and"/"&amp;" (dropped) unless the span holds a word that
    /// binds a name together ("of", "for", "de"), and, outside organizations, after a possessive word
    /// followed by more words ("Germany\u2019s Scholz" -> "Germany\u2019s" + "Scholz"; the possessive is trimmed later).
    /// </summary>
    private List<(int First, int Count)> SplitCoordination(string text, List<(int Start, int End)> words, MentionInfo mention)
    {
        var parts = new List<(int First, int Count)>();
        if (mention.Confidence >= LowConfidence || words.Count < 2)
        {
            parts.Add((0, words.Count));
            return parts;
        }

        bool bound = false;
        foreach ((int s, int e) in words)
        {
            bound |= _lexicons.NameBindingWordLookup.Contains(text.AsSpan(s, e - s));
        }

        int first = 0;
        for (int i = 0; i < words.Count; i++)
        {
            ReadOnlySpan<char> w = text.AsSpan(words[i].Start, words[i].End - words[i].Start);
            if (!bound && w is "and" or "&")
            {
                if (i > first)
                {
                    parts.Add((first, i - first));
                }

                first = i + 1;
            }
            else if (mention.Type != EntityType.Organization && i + 1 < words.Count && w.Length > 2
                && w[^1] is 's' && w[^2] is '\'' or '\u2019')
            {
                parts.Add((first, i + 1 - first));
                first = i + 1;
            }
        }

        if (first < words.Count)
        {
            parts.Add((first, words.Count - first));
        }

        return parts;
    }

    private CleanMention? CleanPart(string text, List<(int Start, int End)> words, MentionInfo mention)
    {
        // Edge punctuation and the possessive ending.
        (int s0, int e0) = words[0];
        while (s0 < e0 && !char.IsLetterOrDigit(text[s0]))
        {
            s0++;
        }

        words[0] = (s0, e0);
        (int sl, int el) = words[^1];
        el = TrimEnd(text, sl, el);
        words[^1] = (sl, el);
        words.RemoveAll(w => w.End <= w.Start);
        if (words.Count == 0)
        {
            return null;
        }

        // Only a lower-case "the": "The Hague" and "The Guardian" keep theirs.
        if (words.Count > 1 && text.AsSpan(words[0].Start, words[0].End - words[0].Start) is "the")
        {
            words.RemoveAt(0);
        }

        // Titles, honorifics and nationality words in front.
        int stripTo = 0;
        bool anyOther = false;
        bool sawHead = false;
        PersonGender gender = PersonGender.Unknown;
        string? honorificRole = null;
        int roleFrom = -1;
        int i = 0;
        while (i < words.Count)
        {
            string w = Plain(text, words[i]);
            int phrase = MultiWordTitleLength(text, words, i);
            if (phrase > 0)
            {
                roleFrom = roleFrom < 0 ? i : roleFrom;
                i += phrase;
                stripTo = i;
                sawHead = true;
                continue;
            }

            string two = i + 1 < words.Count ? w + " " + Plain(text, words[i + 1]) : string.Empty;
            string? honorific = _lexicons.Honorifics.ContainsKey(two) ? two : _lexicons.Honorifics.ContainsKey(w) ? w : null;
            if (honorific is not null)
            {
                PersonGender g1 = _lexicons.Honorifics[honorific];
                gender = g1 != PersonGender.Unknown ? g1 : gender;
                if (_lexicons.HonorificRoles.TryGetValue(honorific, out string? spelledOut))
                {
                    // "Sen." stands for "senator": keep the role the quote stage can match ("the senator said").
                    honorificRole = spelledOut;
                }

                i += honorific == two ? 2 : 1;
                stripTo = i;
                continue;
            }

            if (_lexicons.IsTitleHead(w))
            {
                roleFrom = roleFrom < 0 ? i : roleFrom;
                if (_lexicons.TitleGenders.TryGetValue(_lexicons.Singular(w), out PersonGender tg))
                {
                    gender = tg;
                }

                i++;
                stripTo = i;
                sawHead = true;
                continue;
            }

            if (_lexicons.IsTitleModifier(w) || _lexicons.IsDemonym(w) || IsAcronym(text, words[i]) || (sawHead && w == "of"))
            {
                roleFrom = roleFrom < 0 ? i : roleFrom;
                i++;
                continue;
            }

            if (i + 1 < words.Count && _lexicons.IsDemonym(w + " " + Plain(text, words[i + 1])))
            {
                roleFrom = roleFrom < 0 ? i : roleFrom;
                i += 2;
                continue;
            }

            anyOther = true;
            break;
        }

        if (!anyOther)
        {
            // Only titles, honorifics and nationality words: "Russian", "Deputy Foreign Minister". An
            // acronym alone ("NATO", "US") is a name, not a modifier.
            if (words.Count == 1 && IsAcronym(text, words[0]))
            {
                return Make(text, words, 0, mention, null, PersonGender.Unknown, false);
            }

            return null;
        }

        bool mayStrip = stripTo > 0 && stripTo < words.Count
            && (mention.Type == EntityType.Person || (mention.Confidence < LowConfidence && mention.Type != EntityType.Organization))
            && char.IsUpper(text[words[stripTo].Start]) && !AllSuffixes(text, words, stripTo);
        if (!mayStrip)
        {
            return Make(text, words, 0, mention, null, PersonGender.Unknown, false);
        }

        string? role = honorificRole;
        if (sawHead && roleFrom >= 0 && roleFrom < stripTo)
        {
            role = text[words[roleFrom].Start..words[stripTo - 1].End].ToLowerInvariant();
        }

        return Make(text, words, stripTo, mention, role, gender, true);
    }

    private static CleanMention? Make(string text, List<(int Start, int End)> words, int from, MentionInfo mention, string? role, PersonGender gender, bool personEvidence)
    {
        int start = words[from].Start;
        int end = words[^1].End;
        if (end <= start || !HasLetter(text, start, end))
        {
            return null;
        }

        EntityType type = personEvidence ? EntityType.Person : mention.Type;
        return new CleanMention(mention with { Start = start, End = end, Type = type }, role, gender, personEvidence);
    }

    private int MultiWordTitleLength(string text, List<(int Start, int End)> words, int i)
    {
        for (int n = Math.Min(4, words.Count - i); n >= 2; n--)
        {
            var parts = new string[n];
            for (int k = 0; k < n; k++)
            {
                parts[k] = Plain(text, words[i + k]);
            }

            if (_lexicons.MultiWordTitles.Contains(string.Join(' ', parts)))
            {
                return n;
            }
        }

        return 0;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && text[end - 1] is ',' or ';' or ':' or '!' or '?' or '"' or ')' or '\u201D' or '\u201C')
        {
            end--;
        }

        // Possessive: "Russia\u2019s", "Russia's", "Reuters\u2019".
        if (end - start > 2 && text[end - 1] is 's' or 'S' && text[end - 2] is '\'' or '\u2019')
        {
            end -= 2;
        }
        else if (end - start > 2 && text[end - 1] is '\'' or '\u2019' && text[end - 2] is 's')
        {
            end--;
        }

        while (end > start && text[end - 1] is '\'' or '\u2019' or ',' or '-')
        {
            end--;
        }

        return end;
    }

    private bool AllSuffixes(string text, List<(int Start, int End)> words, int from)
    {
        for (int i = from; i < words.Count; i++)
        {
            if (!_lexicons.GenerationalSuffixes.Contains(Plain(text, words[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAcronym(string text, (int Start, int End) word)
        => AcronymShape.Matches(text.AsSpan(word.Start, word.End - word.Start), maxLetters: 5);

    private static bool HasLetter(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (char.IsLetter(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Plain(string text, (int Start, int End) word) => NameKey.Plain(text[word.Start..word.End]);

    private static CleanMention WithTokens(Token[] tokens, CleanMention m)
    {
        int first = SortedSearch.TokenAtOrAfter(tokens, m.Mention.Start);
        if (first > 0 && tokens[first - 1].End > m.Mention.Start)
        {
            first--;
        }

        int last = first;
        while (last < tokens.Length && tokens[last].Start < m.Mention.End)
        {
            last++;
        }

        return m with { Mention = m.Mention with { FirstToken = first, TokenCount = Math.Max(0, last - first) } };
    }
}
