using CareerConv.Mail.Transport;

namespace CareerConv.LocalHost.Tests.Faults;

/// <summary>Checks on the outbox a local host wrote across a crash.</summary>
static class OutboxChecks
{
    /// <summary>
    /// Returns the emails (message id and recipient) written more than once. Each repeat must be the
    /// crash window of the send ledger: the first copy written before the crash, the second after it,
    /// and no third copy.
    /// </summary>
    public static IReadOnlyList<string> AssertRepeatsOnlyAcrossCrash(IReadOnlyList<OutboxEntry> index, int writtenBeforeCrash)
    {
        var repeats = new List<string>();
        foreach (var copies in index.GroupBy(e => (e.Id, To: e.To.Single())).Where(g => g.Count() > 1))
        {
            var sequences = copies.Select(e => e.Sequence).Order().ToList();
            Assert.True(sequences.Count == 2, $"{copies.Key} was written {sequences.Count} times.");
            Assert.True(sequences[0] <= writtenBeforeCrash,
                $"{copies.Key} was first written at sequence {sequences[0]}, after the crash (which ends at {writtenBeforeCrash}), and then again.");
            Assert.True(sequences[1] > writtenBeforeCrash,
                $"{copies.Key} was written twice before the crash (sequences {sequences[0]} and {sequences[1]}).");
            repeats.Add($"{copies.Key.Id} to {copies.Key.To}");
        }

        return repeats;
    }

    /// <summary>Waits, polling every millisecond, until the outbox index has its first line.</summary>
    public static async Task WaitForFirstAsync(string folder, CancellationToken cancellationToken)
    {
        var index = new FileInfo(Path.Combine(folder, OutboxIndex.FileName));
        while (true)
        {
            index.Refresh();
            if (index.Exists && index.Length > 0)
            {
                return;
            }

            await Task.Delay(1, cancellationToken);
        }
    }
}
