namespace NewsExtract;

/// <summary>The kind of real-world thing an entity mention names.</summary>
public enum EntityType
{
    /// <summary>Not a type: the default value of the enum, never produced by the analyzer and rejected as a custom name's type.</summary>
    None = 0,

    /// <summary>A person, real or fictional.</summary>
    Person = 1,

    /// <summary>A company, institution, agency, party, team or other organized group.</summary>
    Organization = 2,

    /// <summary>A country, city, region or geographic feature.</summary>
    Location = 3,
}
