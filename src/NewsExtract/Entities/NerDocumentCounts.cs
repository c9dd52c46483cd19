namespace NewsExtract.Entities;

/// <summary>How one lowercase word form is used across a document (for non-local features).</summary>
internal struct NerDocumentCounts
{
    /// <summary>Occurrences written in lowercase in running text.</summary>
    public int Lower;

    /// <summary>Occurrences capitalized inside a running-text sentence (not first, not a headline).</summary>
    public int CapitalizedInside;

    /// <summary>First-pass predictions, per entity class (up to four classes).</summary>
    public int Class1;
    public int Class2;
    public int Class3;
    public int Class4;

    public readonly int ClassCount(int cls) => cls switch
    {
        1 => Class1,
        2 => Class2,
        3 => Class3,
        4 => Class4,
        _ => 0,
    };

    public void AddClass(int cls)
    {
        switch (cls)
        {
            case 1: Class1++; break;
            case 2: Class2++; break;
            case 3: Class3++; break;
            case 4: Class4++; break;
        }
    }
}
