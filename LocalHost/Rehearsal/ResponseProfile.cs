namespace CareerConv.LocalHost.Rehearsal;

/// <summary>How quickly the scripted people in a rehearsal act on what they are sent.</summary>
public enum ResponseProfile
{
    /// <summary>Each person acts one day after being asked, before any reminder.</summary>
    Prompt,

    /// <summary>Each person acts two hours before the deadline, after the last reminder.</summary>
    Slow,
}
