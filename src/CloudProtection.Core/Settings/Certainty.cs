namespace CloudProtection.Settings;

/// <summary>How far a reported value or source rests on documented facts.</summary>
public enum Certainty
{
    /// <summary>Every fact used is documented by Microsoft and was read without error.</summary>
    Confirmed,

    /// <summary>The result depends on a fact that no Microsoft document confirms, or on sources that disagree.</summary>
    Unconfirmed,

    /// <summary>A fact needed for the result could not be read, or the observed value contradicts the prediction.</summary>
    Unknown,
}
