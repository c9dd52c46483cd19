namespace NewsExtract.Resolution;

/// <summary>
/// One distinct name in an article (all mentions that normalize to the same words and class), with its
/// parts parsed for comparison. Built and used by <see cref="EntityResolver"/> only.
/// </summary>
internal sealed class NameForm
{
    public NameForm(string key, bool person, string[] words, string[] keys, bool isAcronym, string initials, string allInitials)
    {
        Key = key;
        Person = person;
        Words = words;
        Keys = keys;
        IsAcronym = isAcronym;
        Initials = initials;
        AllInitials = allInitials;
    }

    /// <summary>The comparison key: plain words joined by spaces (company suffixes and "the" removed).</summary>
    public string Key { get; }

    /// <summary>Whether the form is treated as a person name.</summary>
    public bool Person { get; set; }

    /// <summary>Plain name words (honorifics and Jr/Sr/III removed for persons).</summary>
    public string[] Words { get; }

    /// <summary>Transliteration key of each word.</summary>
    public string[] Keys { get; }

    /// <summary>A single all-capitals word of two to six letters ("NATO", "U.S.").</summary>
    public bool IsAcronym { get; }

    /// <summary>First letters of the significant words ("Organization for Security ... Europe" -> "osce").</summary>
    public string Initials { get; }

    /// <summary>First letters of all words, function words included.</summary>
    public string AllInitials { get; }

    /// <summary>Indices of the mentions with this form, ascending.</summary>
    public List<int> Mentions { get; } = [];

    /// <summary>The highest tagger confidence among its mentions (1 when a title showed it is a person).</summary>
    public float MaxConfidence { get; set; }

    /// <summary>The gender an honorific or gendered title in front of one of its mentions showed ("Mrs Johnson").</summary>
    public Internal.PersonGender Gender { get; set; }

    /// <summary>Whether every mention of the form is typed Organization (not a place, a person or a miscellaneous name).</summary>
    public bool AllOrganization { get; set; } = true;

    /// <summary>
    /// The surname key of the person a mention of this form is described as a relative or associate of ("Spindler's
    /// father, Joseph": "spindler"), or null.
    /// </summary>
    public string? RelativeOf { get; set; }

    /// <summary>The cluster it joined, or -1.</summary>
    public int Cluster { get; set; } = -1;

    /// <summary>Joined a cluster of another class by a low-confidence repair: its mentions take the cluster's type and do not vote.</summary>
    public bool Repaired { get; set; }

    public int First => Mentions[0];

    public string FirstKey => Keys[0];

    public string LastKey => Keys[^1];
}
