namespace CareerConv.Orchestrations.Timing;

/// <summary>The UK bank holiday calendar a faculty follows.</summary>
public enum HolidayRegion
{
    EnglandAndWales,
    Scotland,
    NorthernIreland,

    /// <summary>No bank holidays, for a campus outside the UK that lists its local holidays as closure days.</summary>
    None,
}
