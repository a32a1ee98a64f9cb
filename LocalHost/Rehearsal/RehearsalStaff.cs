using System.Globalization;
using CareerConv.Orchestrations.Contracts;

namespace CareerConv.LocalHost.Rehearsal;

/// <summary>Made-up staff for a rehearsal. Every other staff member arrives without a reviewer.</summary>
static class RehearsalStaff
{
    static readonly string[] Names =
    [
        "Zoë O'Brien-Núñez", "Siân Llewelyn", "Oluwaseun Adébáyọ̀", "Mei-Ling Chén", "Łukasz Wróbel",
        "Aoife Ní Bhriain", "José Álvarez", "Priya Raghavan", "Ewan MacDonald", "Fatima Al-Sayed",
    ];

    public static ConversationInput Input(int index, string cycle, string faculty, string department)
    {
        var staffNumber = string.Create(CultureInfo.InvariantCulture, $"R{index + 1:D6}");
        var name = Names[index % Names.Length];
        var staff = new StaffMember(staffNumber, name, $"{staffNumber.ToLowerInvariant()}@example.ac.uk");
        var reviewer = index % 2 == 0
            ? new Person($"Dr Reviewer {index + 1}", $"reviewer{index + 1}@example.ac.uk")
            : null;
        return new ConversationInput(
            ConversationIdentity.InstanceId(cycle, staffNumber),
            ConversationIds.New(),
            ConversationIdentity.NormaliseCycle(cycle),
            faculty,
            department,
            staff,
            reviewer);
    }
}
