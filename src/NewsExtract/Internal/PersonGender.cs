namespace NewsExtract.Internal;

/// <summary>The grammatical gender a person entity is referred to with, when the article shows it.</summary>
internal enum PersonGender
{
    /// <summary>Not known (no honorific, gendered role or gendered first name), or not a person.</summary>
    Unknown = 0,

    /// <summary>Referred to as "he": Mr, a male first name, "spokesman".</summary>
    Male = 1,

    /// <summary>Referred to as "she": Mrs/Ms, a female first name, "spokeswoman".</summary>
    Female = 2,
}
