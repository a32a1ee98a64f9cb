namespace CareerConv.Orchestrations.Cycles;

/// <summary>What the cycle orchestration starts: the batches one import saved.</summary>
/// <param name="DepartmentsWithoutReviewer">
/// Departments with staff who have no reviewer yet; their Head of Department gets one digest each.
/// </param>
public sealed record CycleStartInput(
    string ImportId, string Cycle, string Faculty, int BatchCount, int Total, IReadOnlyList<string>? DepartmentsWithoutReviewer = null);

/// <summary>One batch of an import to start.</summary>
public sealed record StartBatchRequest(string ImportId, string Cycle, int Batch);

/// <summary>What starting one batch did.</summary>
public sealed record BatchOutcome(int Started, int AlreadyStarted, int Failed, IReadOnlyList<string> Failures);

/// <summary>The cycle orchestration's progress, published as its custom status after every batch.</summary>
public sealed record CycleStartStatus(int Total, int BatchCount, int BatchesDone, int Started, int AlreadyStarted, int Failed)
{
    public bool Finished => BatchesDone == BatchCount;
}

/// <summary>Instance ids of cycle orchestrations.</summary>
public static class CycleStartIds
{
    /// <summary>
    /// The instance id of an import's cycle orchestration. The tilde cannot start a cycle name, so this
    /// id never collides with a conversation's <c>{cycle}:{staffNumber}</c>.
    /// </summary>
    public static string For(string importId) => $"~import:{importId}";
}
