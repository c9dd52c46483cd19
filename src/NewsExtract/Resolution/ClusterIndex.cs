namespace NewsExtract.Resolution;

/// <summary>
/// Lookup of the clusters built so far by surname, given name and initials, so each name form is
/// compared with the few clusters that could match instead of all of them (time stays linear in the
/// number of mentions). Candidates are a superset; callers confirm with the exact rules.
/// </summary>
internal sealed class ClusterIndex
{
    private readonly Dictionary<string, List<int>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byGivenName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byInitials = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byFirstWord = new(StringComparer.Ordinal);

    public void Add(NameForm form, int cluster)
    {
        if (form.Words.Length < 2)
        {
            return;
        }

        if (form.Person)
        {
            foreach (string variant in Variants(form.LastKey))
            {
                Add(_bySurname, variant, cluster);
            }

            Add(_byGivenName, form.FirstKey, cluster);
        }
        else if (!form.IsAcronym)
        {
            Add(_byFirstWord, form.FirstKey, cluster);
        }

        if (!form.IsAcronym)
        {
            Add(_byInitials, form.Initials, cluster);
            Add(_byInitials, form.AllInitials, cluster);
        }
    }

    /// <summary>Clusters with a full name whose surname key equals <paramref name="key"/> or differs by one vowel.</summary>
    public List<int> BySurname(string key)
    {
        var result = new List<int>();
        foreach (string variant in Variants(key))
        {
            Collect(_bySurname, variant, result);
        }

        return result;
    }

    public List<int> ByGivenName(IEnumerable<string> keys)
    {
        var result = new List<int>();
        foreach (string key in keys)
        {
            Collect(_byGivenName, key, result);
        }

        return result;
    }

    /// <summary>Clusters with a multi-word organization or place name whose first word has this key.</summary>
    public List<int> ByFirstWord(string key)
    {
        var result = new List<int>();
        Collect(_byFirstWord, key, result);
        return result;
    }

    public List<int> ByInitials(string initials)
    {
        var result = new List<int>();
        Collect(_byInitials, initials, result);
        return result;
    }

    /// <summary>The key and, for keys long enough for <see cref="NameKey.SameName"/>'s vowel rule, the key with each vowel deleted.</summary>
    private static IEnumerable<string> Variants(string key)
    {
        yield return key;
        if (key.Length < 7)
        {
            yield break;
        }

        for (int i = 1; i < key.Length; i++)
        {
            if (key[i] is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                yield return key.Remove(i, 1);
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int cluster)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out List<int>? list))
        {
            list = [];
            index[key] = list;
        }

        if (list.Count == 0 || list[^1] != cluster)
        {
            list.Add(cluster);
        }
    }

    private static void Collect(Dictionary<string, List<int>> index, string key, List<int> result)
    {
        if (index.TryGetValue(key, out List<int>? list))
        {
            foreach (int c in list)
            {
                if (!result.Contains(c))
                {
                    result.Add(c);
                }
            }
        }
    }
}
