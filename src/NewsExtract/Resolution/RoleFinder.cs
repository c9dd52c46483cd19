using NewsExtract.Internal;
using NewsExtract.Text.Tokenization;

namespace NewsExtract.Resolution;

/// <summary>
/// Finds the titles and roles the article gives each person, and the person's gender.
/// </summary>
/// <remarks>
/// Roles come from three places: words the cleaner stripped from the front of a mention; a
/// premodifier, the title words right before a name ("Kremlin spokesman Dmitri Peskov": title heads,
/// title modifiers, nationality words, acronyms and other mentions, ending in a title head next to the
/// name); and an apposition after it ("Peskov, the Kremlin spokesman," or ", a spokesman for the
/// ministry,": a comma, an optional determiner, the same kind of words ending in a title head,
/// optionally "of/for/at" and a few more words, then a comma or the end of the sentence). Roles are
/// lower case as written; their heads are singular title nouns. Gender comes from honorifics and
/// gendered titles (Mr, Mrs, spokeswoman) and, failing that, from the first given name, and failing
/// that, from the he/she pronouns that follow the person's mentions (<c>RoleFinder.PronounGender.cs</c>).
/// </remarks>
internal sealed partial class RoleFinder
{
    private const int MaxRoleWords = 8;

    private readonly ResolutionLexicons _lexicons;

    public RoleFinder(ResolutionLexicons lexicons) => _lexicons = lexicons;

    /// <summary>Returns the entities with roles, role heads and gender; <paramref name="mentions"/> are the cleaned mentions typed by entity.</summary>
    public EntityInfo[] Attach(string text, Token[] tokens, SentenceInfo[] sentences, MentionInfo[] mentions, int[] mentionEntity, CleanMention[] clean, EntityInfo[] entities)
    {
        var result = new EntityInfo[entities.Length];
        for (int e = 0; e < entities.Length; e++)
        {
            EntityInfo entity = entities[e];
            if (entity.Type != EntityType.Person)
            {
                result[e] = entity;
                continue;
            }

            var roles = new List<string>();
            var heads = new List<string>();
            int male = 0;
            int female = 0;
            foreach (int m in entity.Mentions)
            {
                Count(clean[m].Gender, ref male, ref female);
                AddRole(clean[m].Role, roles, heads, ref male, ref female);
                AddRole(Premodifier(text, tokens, mentions, m, ref male, ref female), roles, heads, ref male, ref female);
                AddRole(Apposition(text, tokens, mentions, m), roles, heads, ref male, ref female);
                AddRole(FrontApposition(text, tokens, mentions, m), roles, heads, ref male, ref female);
            }

            PersonGender gender = male > female ? PersonGender.Male : female > male ? PersonGender.Female : PersonGender.Unknown;
            if (male == 0 && female == 0)
            {
                gender = GivenNameGender(entity.Name);
            }

            if (gender == PersonGender.Unknown && male == 0 && female == 0)
            {
                gender = PronounGender(text, tokens, sentences, mentions, mentionEntity, entity);
            }

            result[e] = new EntityInfo(entity.Id, entity.Type, entity.Name, entity.Aliases, entity.Mentions, roles)
            {
                RoleHeads = heads,
                Gender = gender,
            };
        }

        return result;
    }

    private PersonGender GivenNameGender(string name)
    {
        string[] words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Al Hashish": a particle and a surname carry no given name ("Al" is also a man's name).
        if (words.Length < 2 || (words.Length == 2 && _lexicons.NameParticles.Contains(NameKey.Plain(words[0]))))
        {
            return PersonGender.Unknown;
        }

        return _lexicons.FirstNames.TryGetValue(NameKey.Plain(words[0]), out PersonGender g) ? g : PersonGender.Unknown;
    }

    private static void Count(PersonGender gender, ref int male, ref int female)
    {
        if (gender == PersonGender.Male)
        {
            male++;
        }
        else if (gender == PersonGender.Female)
        {
            female++;
        }
    }

    private void AddRole(string? role, List<string> roles, List<string> heads, ref int male, ref int female)
    {
        if (string.IsNullOrEmpty(role))
        {
            return;
        }

        // One person holds one of "the deputy foreign ministers".
        int space = role.LastIndexOf(' ');
        string last = role[(space + 1)..];
        string singular = _lexicons.Singular(last);
        if (singular != last)
        {
            role = string.Concat(role.AsSpan(0, space + 1), singular);
        }

        if (roles.Contains(role))
        {
            return;
        }

        roles.Add(role);
        string? head = null;
        foreach (string word in role.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string plain = NameKey.Plain(word);
            if (_lexicons.IsTitleHead(plain))
            {
                head = _lexicons.Singular(plain);
            }
        }

        if (head is not null)
        {
            if (!heads.Contains(head))
            {
                heads.Add(head);
            }

            if (_lexicons.TitleGenders.TryGetValue(head, out PersonGender g))
            {
                Count(g, ref male, ref female);
            }
        }
    }

    /// <summary>Title words right before the mention, ending in a title head next to it.</summary>
    private string? Premodifier(string text, Token[] tokens, MentionInfo[] mentions, int m, ref int male, ref int female)
    {
        int t = mentions[m].FirstToken - 1;
        if (t >= tokens.Length || (t >= 0 && LineBreakAfter(text, tokens, t)))
        {
            // Words at the end of the line before (a byline's "Political Correspondent") are not this name's role.
            return null;
        }

        if (t < 0 || !IsWord(tokens[t]))
        {
            // "Mr. Smith": the honorific's dot is its own token.
            if (t >= 1 && text[tokens[t].Start] == '.' && tokens[t].Length == 1 && _lexicons.Honorifics.TryGetValue(Plain(text, tokens[t - 1]), out PersonGender hg))
            {
                Count(hg, ref male, ref female);
                return _lexicons.HonorificRoles.GetValueOrDefault(Plain(text, tokens[t - 1]));
            }

            return null;
        }

        string first = Plain(text, tokens[t]);
        if (_lexicons.Honorifics.TryGetValue(first, out PersonGender g) && !_lexicons.IsTitleHead(first))
        {
            // "Sen. Sanders" -> senator; "Mr Smith" -> no role, only a gender.
            Count(g, ref male, ref female);
            return _lexicons.HonorificRoles.GetValueOrDefault(first);
        }

        if (!_lexicons.IsTitleHead(first) || OtherMentionAt(mentions, tokens[t].Start) >= 0)
        {
            return null;
        }

        int from = t;
        int floor = Math.Max(0, t - MaxRoleWords);
        for (int k = t - 1; k >= floor; k--)
        {
            if (!IsWord(tokens[k]) || LineBreakAfter(text, tokens, k))
            {
                break;
            }

            string w = Plain(text, tokens[k]);
            if (IsRoleWord(text, tokens[k], w) || OtherMentionAt(mentions, tokens[k].Start) >= 0)
            {
                from = k;
                continue;
            }

            break;
        }

        // A capitalized sentence opener ("Yesterday") is not part of the role, so the role starts at its first title word or mention.
        while (from < t && !IsRoleWord(text, tokens[from], Plain(text, tokens[from])) && OtherMentionAt(mentions, tokens[from].Start) < 0)
        {
            from++;
        }

        return text[tokens[from].Start..tokens[t].End].ToLowerInvariant();
    }

    /// <summary>", the Kremlin spokesman," after the mention.</summary>
    private string? Apposition(string text, Token[] tokens, MentionInfo[] mentions, int m)
    {
        int t = mentions[m].FirstToken + mentions[m].TokenCount;
        if (t < 0 || t + 1 >= tokens.Length || text[tokens[t].Start] != ',' || tokens[t].Length != 1)
        {
            return null;
        }

        int k = t + 1;
        string det = Plain(text, tokens[k]);
        if (_lexicons.RoleDeterminers.Contains(det))
        {
            k++;
        }

        int from = k;
        int headEnd = -1;
        int limit = Math.Min(tokens.Length, from + MaxRoleWords);
        for (; k < limit; k++)
        {
            if (!IsWord(tokens[k]) || LineBreakAfter(text, tokens, k - 1))
            {
                break;
            }

            string w = Plain(text, tokens[k]);
            if (_lexicons.IsTitleHead(w))
            {
                headEnd = k;
                continue;
            }

            if (IsRoleWord(text, tokens[k], w) || OtherMentionAt(mentions, tokens[k].Start) >= 0 || IsPossessive(text, tokens[k]))
            {
                continue;
            }

            if (headEnd == k - 1 && w is "of" or "for" or "at" or "to")
            {
                // "spokesman for the Kremlin": take the complement up to the next comma.
                int end = k + 1;
                while (end < limit && IsWord(tokens[end]))
                {
                    end++;
                }

                if (end < tokens.Length && end > k + 1 && text[tokens[end].Start] is ',' or '.' or ';')
                {
                    return text[tokens[from].Start..tokens[end - 1].End].ToLowerInvariant();
                }

                break;
            }

            break;
        }

        if (headEnd < 0 || headEnd != k - 1 || k >= tokens.Length || text[tokens[k].Start] is not (',' or '.' or ';' or ')'))
        {
            return null;
        }

        return text[tokens[from].Start..tokens[headEnd].End].ToLowerInvariant();
    }

    /// <summary>"A spokeswoman for the ministry, Anne Martin, said": a role phrase, a comma, the name, a comma.</summary>
    private string? FrontApposition(string text, Token[] tokens, MentionInfo[] mentions, int m)
    {
        int comma = mentions[m].FirstToken - 1;
        int after = mentions[m].FirstToken + mentions[m].TokenCount;
        if (comma < 1 || after >= tokens.Length || !IsComma(text, tokens[comma]) || !IsComma(text, tokens[after]))
        {
            return null;
        }

        // The clause before the comma, at most MaxRoleWords + 4 words back.
        int clause = comma;
        while (clause - 1 >= 0 && IsWord(tokens[clause - 1]) && !LineBreakAfter(text, tokens, clause - 1) && comma - clause < MaxRoleWords + 4)
        {
            clause--;
        }

        // The role starts at the clause start or right after a determiner; the first start that reads as a role wins.
        for (int from = clause; from < comma; from++)
        {
            if (from > clause && Plain(text, tokens[from - 1]) is not ("a" or "an" or "the"))
            {
                continue;
            }

            if (RoleFrom(text, tokens, mentions, from, comma) is string role)
            {
                return role;
            }
        }

        return null;
    }

    /// <summary>Role words up to the first title head, then nothing or a short "of/for/at ..." complement, ending before <paramref name="end"/>.</summary>
    private string? RoleFrom(string text, Token[] tokens, MentionInfo[] mentions, int from, int end)
    {
        if (Plain(text, tokens[from]) is "a" or "an" or "the")
        {
            return null;
        }

        int head = -1;
        for (int k = from; k < end; k++)
        {
            string w = Plain(text, tokens[k]);
            if (_lexicons.IsTitleHead(w))
            {
                head = k;
                break;
            }

            if (!IsRoleWord(text, tokens[k], w) && OtherMentionAt(mentions, tokens[k].Start) < 0 && !IsPossessive(text, tokens[k]))
            {
                return null;
            }
        }

        if (head < 0 || (head + 1 < end && (end - head > 6 || Plain(text, tokens[head + 1]) is not ("of" or "for" or "at" or "to" or "in"))))
        {
            return null;
        }

        return text[tokens[from].Start..tokens[end - 1].End].ToLowerInvariant();
    }

    /// <summary>Whether a line break stands between token <paramref name="t"/> and the next one (a role never crosses a line: bylines, headings).</summary>
    private static bool LineBreakAfter(string text, Token[] tokens, int t)
        => t + 1 < tokens.Length && text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End).ContainsAny('\n', '\r');

    private static bool IsComma(string text, Token token) => token.Length == 1 && text[token.Start] == ',';

    private bool IsRoleWord(string text, Token token, string plain)
        => _lexicons.IsTitleHead(plain) || _lexicons.IsTitleModifier(plain) || _lexicons.IsDemonym(plain) || IsAcronym(text, token);

    private static bool IsPossessive(string text, Token token)
        => token.Length > 2 && text[token.End - 1] is 's' && text[token.End - 2] is '\'' or '\u2019';

    private static int OtherMentionAt(MentionInfo[] mentions, int offset)
    {
        int lo = 0;
        int hi = mentions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else if (mentions[mid].Start > offset)
            {
                hi = mid - 1;
            }
            else
            {
                return mentions[mid].Type == EntityType.Person ? -1 : mid;
            }
        }

        return -1;
    }

    private static bool IsWord(Token token) => token.Kind == TokenKind.Word;

    private static bool IsAcronym(string text, Token token)
    {
        if (token.Length < 2 || token.Length > 6)
        {
            return false;
        }

        for (int i = token.Start; i < token.End; i++)
        {
            if (!(char.IsUpper(text[i]) || text[i] == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Plain(string text, Token token) => NameKey.Plain(text.Substring(token.Start, token.Length));
}
