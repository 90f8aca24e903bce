namespace ZodiaCore.InterpretationService.BuiltIn;

/// <summary>What one house covers.</summary>
/// <remarks>
/// <para><c>Title</c>: "the house of …", used as an apposition.</para>
/// <para><c>Area</c>: A plural-feeling noun phrase of the house's concerns, the object of a body's house verb.</para>
/// </remarks>
internal sealed record HouseLore(int Number, string Title, string Area);

internal static class HouseKnowledge
{
    private static readonly HouseLore[] Lore =
    [
        new(1, "the house of self", "your self-image, your body and the first impression you make"),
        new(2, "the house of resources", "money, possessions and your sense of self-worth"),
        new(3, "the house of communication", "everyday talk, learning, siblings and your neighbourhood"),
        new(4, "the house of home", "home, family, roots and your private inner base"),
        new(5, "the house of pleasure", "creativity, romance, play and children"),
        new(6, "the house of work and health", "daily work, routines, service and health"),
        new(7, "the house of partnership", "partnerships, marriage, contracts and open rivals"),
        new(8, "the house of shared things", "shared resources, intimacy, debts, inheritance and times of crisis"),
        new(9, "the house of wider horizons", "travel, higher learning, belief and the search for meaning"),
        new(10, "the house of vocation", "career, reputation and your public standing"),
        new(11, "the house of community", "friendships, groups, networks and hopes for the future"),
        new(12, "the house of the unseen", "solitude, dreams, retreat and hidden sources of support"),
    ];

    /// <remarks>
    /// <para><c>number</c>: 1–12.</para>
    /// </remarks>
    public static HouseLore Get(int number) => Lore[number - 1];

    public static bool IsValid(int? number) => number is >= 1 and <= 12;
}
