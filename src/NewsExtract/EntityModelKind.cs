namespace NewsExtract;

/// <summary>The built-in entity models (see docs/model.md for the data and licences behind each).</summary>
public enum EntityModelKind
{
    /// <summary>The most accurate model. Trained on research-licensed data among others (CoNLL-2003 / Reuters), so treat it as research-licensed.</summary>
    Default = 0,

    /// <summary>The licence-clean model: trained only on data whose licences allow redistribution and commercial use.</summary>
    Open = 1,
}
