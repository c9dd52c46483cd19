using NewsExtract.Internal;
using NewsExtract.Structure;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Resolution;

/// <summary>
/// Resolves the mentions of one article into entities: cleans them (<see cref="MentionCleaner"/>),
/// clusters them by name, picks each entity's type and canonical name, and attaches roles and gender
/// (<see cref="RoleFinder"/>).
/// </summary>
/// <remarks>
/// <para>Clustering works on distinct name forms, most complete first (more words first, then text
/// order), so a short form meets every full name before it chooses:</para>
/// <list type="bullet">
/// <item>Person full names merge when surnames are the same name (<see cref="NameKey.SameName"/> on
/// transliteration keys) and given names agree (same name, nickname, initial) and middle names do not
/// conflict, or when one is the tail of the other ("Lopez Obrador"). A form that fits two clusters
/// ("George Bush" beside "George W. Bush" and "George H. W. Bush") starts its own.</item>
/// <item>A one-word person form joins the single cluster whose surname it is; when two clusters share
/// that surname (two Kennedys) it stays apart. Without a surname match it may join the single cluster
/// whose given name it is ("Xi" -> "Xi Jinping").</item>
/// <item>Organizations and places merge on equal plain words (case, dots, "the", possessives and company
/// suffixes ignored), and an acronym joins the single expansion whose initials it spells ("OSCE",
/// "US" = "United States"); organization/place type disagreements merge (taggers confuse them).</item>
/// <item>A person never merges with an organization or place, unless one side's tagger confidence is
/// below <see cref="MentionCleaner.LowConfidence"/> and no title vouches for it: then equal names merge,
/// and a low-confidence one-word place/organization that is the surname of exactly one person joins it.</item>
/// </list>
/// <para>The entity type is the confidence-weighted majority of its mentions' types (a title in front
/// counts as certain); the canonical name is the most complete surface form (not an acronym, most
/// words, earliest). Every mention takes its entity's type.</para>
/// </remarks>
internal sealed class EntityResolver
{
    private readonly ResolutionLexicons _lexicons;
    private readonly MentionCleaner _cleaner;
    private readonly RoleFinder _roles;

    public EntityResolver()
        : this(ResolutionLexicons.Default)
    {
    }

    public EntityResolver(ResolutionLexicons lexicons)
    {
        _lexicons = lexicons;
        _cleaner = new MentionCleaner(lexicons);
        _roles = new RoleFinder(lexicons);
    }

    /// <summary>
    /// The resolution stage: cleans the tagger's mentions, clusters them into entities and attaches roles.
    /// Reads the layout, tokens, sentences (for pronoun gender votes) and raw mentions; returns a new layer and writes none of its inputs.
    /// </summary>
    public ResolutionLayer Resolve(string text, ArticleLayout layout, Token[] tokens, SentenceInfo[] sentences, MentionInfo[] rawMentions)
    {
        CleanMention[] clean = _cleaner.Clean(text, layout, tokens, rawMentions);
        int[] mentionCluster = Cluster(text, clean, out List<List<NameForm>> clusters);
        return Build(text, tokens, sentences, clean, mentionCluster, clusters);
    }

    /// <summary>Clusters cleaned mentions; returns, for each mention, the index of its cluster.</summary>
    internal int[] Cluster(string text, CleanMention[] mentions, out List<List<NameForm>> clusters)
    {
        List<NameForm> forms = MakeForms(text, mentions);
        MergeWeakCrossClass(forms);

        forms.Sort((a, b) =>
        {
            int wa = a.IsAcronym ? 0 : a.Words.Length;
            int wb = b.IsAcronym ? 0 : b.Words.Length;
            return wa != wb ? wb.CompareTo(wa) : a.First.CompareTo(b.First);
        });

        // Keys of the one-word person forms, for SharedSurnameHolder ("Khaled" beside "Khaled Belkacemi").
        var givenNameAlone = new HashSet<string>(StringComparer.Ordinal);
        foreach (NameForm f in forms)
        {
            if (f.Person && f.Words.Length == 1)
            {
                givenNameAlone.Add(f.FirstKey);
            }
        }

        clusters = [];
        var index = new ClusterIndex();
        foreach (NameForm form in forms)
        {
            int target = form.Person ? FindPersonCluster(form, clusters, index, givenNameAlone) : FindOtherCluster(form, clusters, index);
            if (target < 0)
            {
                target = clusters.Count;
                clusters.Add([]);
            }

            form.Cluster = target;
            clusters[target].Add(form);
            index.Add(form, target);
        }

        var mentionCluster = new int[mentions.Length];
        foreach (NameForm form in forms)
        {
            foreach (int m in form.Mentions)
            {
                mentionCluster[m] = form.Cluster;
            }
        }

        return mentionCluster;
    }

    private List<NameForm> MakeForms(string text, CleanMention[] mentions)
    {
        var byKey = new Dictionary<(string Key, bool Person), NameForm>();
        var forms = new List<NameForm>();
        for (int m = 0; m < mentions.Length; m++)
        {
            MentionInfo mention = mentions[m].Mention;
            bool person = mention.Type == EntityType.Person;
            NameForm probe = Parse(text.Substring(mention.Start, mention.End - mention.Start), person);
            if (!byKey.TryGetValue((probe.Key, person), out NameForm? form))
            {
                form = probe;
                byKey[(probe.Key, person)] = form;
                forms.Add(form);
            }

            form.Mentions.Add(m);
            form.AllOrganization &= mention.Type == EntityType.Organization && !mention.ListedPlace;
            if (person && probe.Words.Length == 1)
            {
                form.RelativeOf ??= PossessorSurname(text, mentions, m);
            }

            if (mentions[m].Gender != PersonGender.Unknown)
            {
                form.Gender = mentions[m].Gender;
            }

            form.MaxConfidence = Math.Max(form.MaxConfidence, mentions[m].PersonEvidence ? 1f : mention.Confidence);
        }

        return forms;
    }

    /// <summary>Parses a surface form into plain words, keys and initials.</summary>
    internal NameForm Parse(string surface, bool person)
    {
        string[] raw = surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        bool acronym = raw.Length == 1 && IsAcronym(raw[0]);
        var words = new List<string>(raw.Length);
        foreach (string r in raw)
        {
            string plain = NameKey.Plain(r);
            if (plain.Length > 0)
            {
                words.Add(plain);
            }
        }

        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        if (person)
        {
            while (words.Count > 1 && _lexicons.Honorifics.ContainsKey(words[0]))
            {
                words.RemoveAt(0);
            }

            while (words.Count > 1 && _lexicons.GenerationalSuffixes.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            // Particles belong to the surname for comparison: "van beethoven" compares as "beethoven".
            for (int i = words.Count - 2; i >= 1; i--)
            {
                if (_lexicons.NameParticles.Contains(words[i]))
                {
                    words.RemoveAt(i);
                }
            }
        }
        else
        {
            while (words.Count > 1 && _lexicons.OrgSuffixes.Contains(words[^1]))
            {
                words.RemoveAt(words.Count - 1);
            }
        }

        if (words.Count == 0)
        {
            words.Add(NameKey.Fold(surface));
        }

        var keys = new string[words.Count];
        var initials = new System.Text.StringBuilder();
        var allInitials = new System.Text.StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            keys[i] = NameKey.Transliteration(words[i]);
            if (words[i].Length > 0 && char.IsLetter(words[i][0]))
            {
                allInitials.Append(words[i][0]);
                if (!_lexicons.InitialsSkipWords.Contains(words[i]))
                {
                    initials.Append(words[i][0]);
                }
            }
        }

        return new NameForm(string.Join(' ', words), person, words.ToArray(), keys, acronym, initials.ToString(), allInitials.ToString());
    }

    /// <summary>Equal names in both classes merge when one side is a low-confidence tag with no title behind it.</summary>
    private static void MergeWeakCrossClass(List<NameForm> forms)
    {
        var personByKey = new Dictionary<string, NameForm>(StringComparer.Ordinal);
        foreach (NameForm f in forms)
        {
            if (f.Person)
            {
                personByKey[f.Key] = f;
            }
        }

        foreach (NameForm other in forms)
        {
            if (other.Person || !personByKey.TryGetValue(other.Key, out NameForm? person))
            {
                continue;
            }

            if (other.MaxConfidence >= MentionCleaner.LowConfidence && person.MaxConfidence >= MentionCleaner.LowConfidence)
            {
                continue;
            }

            // The weaker side joins the stronger; ties go to the earlier form.
            bool toPerson = person.MaxConfidence > other.MaxConfidence || (person.MaxConfidence == other.MaxConfidence && person.First < other.First);
            NameForm keep = toPerson ? person : other;
            NameForm drop = toPerson ? other : person;
            keep.Mentions.AddRange(drop.Mentions);
            keep.Mentions.Sort();
            drop.Mentions.Clear();
            personByKey.Remove(person.Key);
        }

        forms.RemoveAll(f => f.Mentions.Count == 0);
    }

    private int FindPersonCluster(NameForm form, List<List<NameForm>> clusters, ClusterIndex index, HashSet<string> givenNameAlone)
    {
        if (IsParticleSurname(form))
        {
            // "Al Turkmani" after "Ragheb Al Turkmani": a particle and a surname are the surname written as a
            // name (inside full names particles are dropped for comparison, so "Al" is no given name to compare).
            int found = UniquePersonCluster(form, clusters, index.BySurname(form.LastKey), surname: true, out _);
            if (found >= 0)
            {
                return found;
            }
        }

        if (form.Words.Length >= 2)
        {
            int found = -1;
            foreach (int c in index.BySurname(form.LastKey))
            {
                if (!IsPersonCluster(clusters[c]))
                {
                    continue;
                }

                bool all = true;
                bool any = false;
                foreach (NameForm g in clusters[c])
                {
                    if (g.Words.Length >= 2)
                    {
                        any = true;
                        all &= SamePerson(form, g);
                    }
                }

                if (any && all)
                {
                    if (found >= 0)
                    {
                        return -1;
                    }

                    found = c;
                }
            }

            return found;
        }

        int bySurname = UniquePersonCluster(form, clusters, index.BySurname(form.LastKey), surname: true, out bool ambiguous);
        if (ambiguous)
        {
            return SharedSurnameHolder(form, clusters, index, givenNameAlone);
        }

        if (bySurname >= 0)
        {
            return bySurname;
        }

        List<int> byGivenName = index.ByGivenName(GivenNameKeys(form.Words[0], form.FirstKey));
        if (form.RelativeOf is string family)
        {
            // "Spindler's father, Joseph": a given name said to belong to someone's relative is no other Joseph of the article.
            byGivenName.RemoveAll(c => !NameKey.SameName(clusters[c][0].LastKey, family));
        }

        return UniquePersonCluster(form, clusters, byGivenName, surname: false, out _);
    }

    /// <summary>
    /// For a one-word mention set off after a possessed noun phrase of another person ("Spindler's father, Joseph",
    /// "Smith's wife Anna"): the surname key of that person; else null.
    /// </summary>
    private static string? PossessorSurname(string text, CleanMention[] mentions, int m)
    {
        int i = mentions[m].Mention.Start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        if (i >= 0 && text[i] == ',')
        {
            i--;
        }

        // One to three lower-case words ("father", "younger brother"), then "'s" or "\u2019s".
        int words = 0;
        bool possessive = false;
        while (words < 3 && i >= 0)
        {
            int end = i;
            while (i >= 0 && char.IsLetter(text[i]))
            {
                i--;
            }

            if (end == i || !char.IsLower(text[i + 1]) || i < 0 || text[i] != ' ')
            {
                return null;
            }

            words++;
            while (i >= 0 && text[i] == ' ')
            {
                i--;
            }

            if (i >= 2 && text[i] == 's' && (text[i - 1] == '\'' || text[i - 1] == '\u2019'))
            {
                possessive = true;
                break;
            }
        }

        if (!possessive)
        {
            return null;
        }

        int apostrophe = i - 1;
        for (int k = m - 1; k >= 0 && k >= m - 4; k--)
        {
            MentionInfo owner = mentions[k].Mention;
            if (owner.End == apostrophe && owner.Type == EntityType.Person)
            {
                string surface = text[owner.Start..owner.End];
                int space = surface.LastIndexOf(' ');
                return NameKey.Transliteration(NameKey.Plain(surface[(space + 1)..]));
            }
        }

        return null;
    }

    /// <summary>
    /// A surname alone ("Belkacemi") that two or more full names share ("Khaled Belkacemi", "Megda Belkacemi"): when
    /// every holder but one is also written by the given name alone ("Her father Khaled"), the writer tells the family
    /// apart that way and the surname names the remaining one, provided its full name is also the one written last
    /// before the surname first appears. -1 otherwise (Hillary and Bill Clinton stay apart, "Hillary" alone or not).
    /// </summary>
    private int SharedSurnameHolder(NameForm form, List<List<NameForm>> clusters, ClusterIndex index, HashSet<string> givenNameAlone)
    {
        int found = -1;
        int latest = -1;
        int latestCluster = -1;
        var seen = new HashSet<int>();
        foreach (int c in index.BySurname(form.LastKey))
        {
            if (!IsPersonCluster(clusters[c]) || !seen.Add(c))
            {
                continue;
            }

            if (form.Gender != PersonGender.Unknown && GivenNameGender(clusters[c]) is PersonGender g0 && g0 != PersonGender.Unknown && g0 != form.Gender)
            {
                continue;
            }

            bool holds = false;
            bool calledByGivenName = false;
            int lastFull = -1;
            foreach (NameForm g in clusters[c])
            {
                if (g.Words.Length >= 2 && !IsParticleSurname(g) && NameKey.SameName(g.LastKey, form.LastKey))
                {
                    holds = true;
                    calledByGivenName |= givenNameAlone.Contains(g.FirstKey);
                    foreach (int m in g.Mentions)
                    {
                        if (m < form.First)
                        {
                            lastFull = Math.Max(lastFull, m);
                        }
                    }
                }
            }

            if (!holds)
            {
                continue;
            }

            if (lastFull > latest)
            {
                latest = lastFull;
                latestCluster = calledByGivenName ? -1 : c;
            }

            if (!calledByGivenName)
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = c;
            }
        }

        return found >= 0 && found == latestCluster ? found : -1;
    }

    /// <summary>The key of a given name and of its nicknames ("joe" -> "joseph", "joey").</summary>
    private IEnumerable<string> GivenNameKeys(string plain, string key)
    {
        yield return key;
        if (_lexicons.NameVariants.TryGetValue(plain, out int[]? groups))
        {
            foreach (KeyValuePair<string, int[]> kv in _lexicons.NameVariants)
            {
                foreach (int g in kv.Value)
                {
                    if (Array.IndexOf(groups, g) >= 0)
                    {
                        yield return NameKey.Transliteration(kv.Key);
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The only person cluster among <paramref name="candidates"/> with a full name whose surname (or given name) is the one word of <paramref name="form"/>.</summary>
    private int UniquePersonCluster(NameForm form, List<List<NameForm>> clusters, List<int> candidates, bool surname, out bool ambiguous)
    {
        ambiguous = false;
        int found = -1;
        foreach (int c in candidates)
        {
            if (!IsPersonCluster(clusters[c]))
            {
                continue;
            }

            if (form.Gender != PersonGender.Unknown && GivenNameGender(clusters[c]) is PersonGender g0 && g0 != PersonGender.Unknown && g0 != form.Gender)
            {
                // "Mrs Johnson" is not Boris Johnson.
                continue;
            }

            foreach (NameForm g in clusters[c])
            {
                if (g.Words.Length >= 2 && (surname ? NameKey.SameName(g.LastKey, form.LastKey) : SameGivenName(g.Words[0], g.FirstKey, form.Words[0], form.FirstKey)))
                {
                    if (found >= 0 && found != c)
                    {
                        ambiguous = true;
                        return -1;
                    }

                    found = c;
                    break;
                }
            }
        }

        return found;
    }

    private int FindOtherCluster(NameForm form, List<List<NameForm>> clusters, ClusterIndex index)
    {
        if (form.IsAcronym)
        {
            int found = -1;
            foreach (int c in index.ByInitials(form.Key))
            {
                if (IsPersonCluster(clusters[c]) && !IsWeak(clusters[c]))
                {
                    continue;
                }

                foreach (NameForm g in clusters[c])
                {
                    if (!g.IsAcronym && g.Words.Length >= 2 && (g.Initials == form.Key || g.AllInitials == form.Key))
                    {
                        if (found >= 0 && found != c)
                        {
                            return -1;
                        }

                        found = c;
                        break;
                    }
                }
            }

            if (found >= 0)
            {
                return found;
            }
        }

        // "Suncor" after "Suncor Energy": a one-word organization that opens the name of exactly one other organization
        // is its short form. Only when both are typed Organization throughout ("Toronto" the city stays apart from
        // "Toronto Police Service").
        if (form.Words.Length == 1 && !form.IsAcronym && form.AllOrganization)
        {
            int found = -1;
            foreach (int c in index.ByFirstWord(form.FirstKey))
            {
                if (IsPersonCluster(clusters[c]))
                {
                    continue;
                }

                foreach (NameForm g in clusters[c])
                {
                    if (!g.IsAcronym && g.Words.Length >= 2 && g.AllOrganization && g.FirstKey == form.FirstKey)
                    {
                        if (found >= 0 && found != c)
                        {
                            found = -2;
                        }
                        else
                        {
                            found = c;
                        }

                        break;
                    }
                }

                if (found == -2)
                {
                    break;
                }
            }

            if (found >= 0)
            {
                return found;
            }
        }

        // A weakly tagged one-word place or organization that is the surname of exactly one person.
        if (form.Words.Length == 1 && !form.IsAcronym && form.MaxConfidence < MentionCleaner.LowConfidence)
        {
            int person = UniquePersonCluster(form, clusters, index.BySurname(form.LastKey), surname: true, out _);
            if (person >= 0)
            {
                form.Repaired = true;
                return person;
            }
        }

        return -1;
    }

    /// <summary>The gender of the given names of a cluster's full names, when they agree.</summary>
    private PersonGender GivenNameGender(List<NameForm> cluster)
    {
        PersonGender result = PersonGender.Unknown;
        foreach (NameForm g in cluster)
        {
            PersonGender gender = g.Gender;
            if (gender == PersonGender.Unknown && g.Words.Length >= 2 && !IsParticleSurname(g))
            {
                _lexicons.FirstNames.TryGetValue(g.Words[0], out gender);
            }

            if (gender == PersonGender.Unknown)
            {
                continue;
            }

            if (result != PersonGender.Unknown && result != gender)
            {
                return PersonGender.Unknown;
            }

            result = gender;
        }

        return result;
    }

    private static bool IsPersonCluster(List<NameForm> cluster) => cluster[0].Person;

    /// <summary>Two words, the first a surname particle ("al turkmani", "van gaal"): a surname, not a given name and a surname.</summary>
    private bool IsParticleSurname(NameForm form) => form.Words.Length == 2 && _lexicons.NameParticles.Contains(form.Words[0]);

    private static bool IsWeak(List<NameForm> cluster)
    {
        foreach (NameForm f in cluster)
        {
            if (f.MaxConfidence >= MentionCleaner.LowConfidence)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two multi-word person forms can name the same person.</summary>
    private bool SamePerson(NameForm a, NameForm b)
    {
        if (IsTail(a, b) || IsTail(b, a))
        {
            return true;
        }

        if (!NameKey.SameName(a.LastKey, b.LastKey) || !SameGivenName(a.Words[0], a.FirstKey, b.Words[0], b.FirstKey))
        {
            return false;
        }

        // Middle names or initials, when both have them, must agree on the first letter.
        if (a.Words.Length > 2 && b.Words.Length > 2 && a.Words[1][0] != b.Words[1][0])
        {
            return false;
        }

        return true;
    }

    /// <summary>"Lopez Obrador" is the tail of "Andres Manuel Lopez Obrador".</summary>
    private static bool IsTail(NameForm shorter, NameForm longer)
    {
        if (shorter.Words.Length < 2 || shorter.Words.Length >= longer.Words.Length)
        {
            return false;
        }

        int offset = longer.Words.Length - shorter.Words.Length;
        for (int i = 0; i < shorter.Words.Length; i++)
        {
            if (!NameKey.SameName(shorter.Keys[i], longer.Keys[offset + i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool SameGivenName(string plainA, string keyA, string plainB, string keyB)
    {
        if (NameKey.SameName(keyA, keyB) || _lexicons.AreNameVariants(plainA, plainB))
        {
            return true;
        }

        // An initial: "J." (plain "j") against "John".
        return (plainA.Length == 1 && plainB.Length > 1 && plainB[0] == plainA[0])
            || (plainB.Length == 1 && plainA.Length > 1 && plainA[0] == plainB[0]);
    }

    private static bool IsAcronym(string word) => AcronymShape.Matches(word, maxLetters: 6);

    private ResolutionLayer Build(string text, Token[] tokens, SentenceInfo[] sentences, CleanMention[] clean, int[] mentionCluster, List<List<NameForm>> clusters)
    {
        var mentions = new MentionInfo[clean.Length];
        for (int m = 0; m < clean.Length; m++)
        {
            mentions[m] = clean[m].Mention;
        }

        // Clusters in order of first mention; ids follow that order.
        var firstMention = new int[clusters.Count];
        Array.Fill(firstMention, int.MaxValue);
        for (int m = 0; m < mentions.Length; m++)
        {
            firstMention[mentionCluster[m]] = Math.Min(firstMention[mentionCluster[m]], m);
        }

        var order = new List<int>(clusters.Count);
        for (int c = 0; c < clusters.Count; c++)
        {
            if (firstMention[c] != int.MaxValue)
            {
                order.Add(c);
            }
        }

        order.Sort((a, b) => firstMention[a].CompareTo(firstMention[b]));
        var entityOf = new int[clusters.Count];
        for (int i = 0; i < order.Count; i++)
        {
            entityOf[order[i]] = i;
        }

        var entities = new EntityInfo[order.Count];
        var mentionEntity = new int[mentions.Length];
        for (int i = 0; i < order.Count; i++)
        {
            List<NameForm> cluster = clusters[order[i]];
            var members = new List<int>();
            var votes = new float[4];
            NameForm? acronym = null;
            foreach (NameForm form in cluster)
            {
                if (form.IsAcronym && !form.Person)
                {
                    acronym = form;
                }

                members.AddRange(form.Mentions);
                if (form.Repaired)
                {
                    continue;
                }

                foreach (int m in form.Mentions)
                {
                    // A seat of government tagged as a place ("the Kremlin denies") names the institution
                    // when a curated organization list has it: the tagger learned CoNLL's convention
                    // (Kremlin, White House = LOC), our output names institutions (see resolution.md).
                    EntityType voted = mentions[m].ListedOrganization && mentions[m].Type == EntityType.Location
                        ? EntityType.Organization
                        : mentions[m].Type;
                    votes[(int)voted] += clean[m].PersonEvidence ? 1f : Math.Max(mentions[m].Confidence, 0.01f);
                }
            }

            members.Sort();
            int canonical = Canonical(text, mentions, cluster);
            EntityType type = mentions[canonical].Type;
            if (acronym is not null)
            {
                // An acronym spelled by the expansion's initials names an organization or place, not a person.
                votes[(int)EntityType.Person] = 0;
                type = type == EntityType.Person ? mentions[acronym.First].Type : type;
            }

            for (int t = 1; t < votes.Length; t++)
            {
                if (votes[t] > votes[(int)type])
                {
                    type = (EntityType)t;
                }
            }

            string name = text.Substring(mentions[canonical].Start, mentions[canonical].End - mentions[canonical].Start);
            var aliases = new List<string> { name };
            var seen = new HashSet<string>(StringComparer.Ordinal) { name };
            foreach (int m in members)
            {
                string surface = text.Substring(mentions[m].Start, mentions[m].End - mentions[m].Start);
                if (seen.Add(surface))
                {
                    aliases.Add(surface);
                }

                mentionEntity[m] = i;
            }

            entities[i] = new EntityInfo(i + 1, type, name, aliases, members, []);
        }

        // Every mention takes its entity's type, so mentions and entities never disagree.
        for (int m = 0; m < mentions.Length; m++)
        {
            mentions[m] = mentions[m] with { Type = entities[mentionEntity[m]].Type };
        }

        return new ResolutionLayer(clean, mentions, mentionEntity, _roles.Attach(text, tokens, sentences, mentions, mentionEntity, clean, entities));
    }

    /// <summary>The most complete surface: not an acronym, most words, then earliest.</summary>
    private static int Canonical(string text, MentionInfo[] mentions, List<NameForm> cluster)
    {
        int best = -1;
        int bestScore = -1;
        foreach (NameForm form in cluster)
        {
            foreach (int m in form.Mentions)
            {
                int words = 1;
                for (int k = mentions[m].Start; k < mentions[m].End; k++)
                {
                    if (text[k] == ' ')
                    {
                        words++;
                    }
                }

                int score = ((form.IsAcronym || form.Repaired) ? 0 : 1000) + (words * 10);
                if (score > bestScore || (score == bestScore && m < best))
                {
                    best = m;
                    bestScore = score;
                }
            }
        }

        return best;
    }
}
