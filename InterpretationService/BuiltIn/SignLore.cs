using ZodiaCore.InterpretationService.Charts;

namespace ZodiaCore.InterpretationService.BuiltIn;

internal enum Element { Fire, Earth, Air, Water }

internal enum Modality { Cardinal, Fixed, Mutable }

/// <summary>What one sign brings, in phrases that fit any body placed in it.</summary>
/// <remarks>
/// <para><c>Expressions</c>: Verb phrases (third person singular) completing any body's subject: "your drive runs deep…". Several, so that three bodies in one sign do not read alike.</para>
/// <para><c>Quality</c>: Three adjectives, "x, y and z".</para>
/// <para><c>Gift</c>: A noun phrase: what the sign gives a body placed in it.</para>
/// <para><c>Shadow</c>: A full clause: the sign's typical trap.</para>
/// <para><c>Rising</c>: A clause beginning with "you": the sign on the ascendant.</para>
/// <para><c>Midheaven</c>: A clause beginning with "your": the sign at the top of the chart.</para>
/// <para><c>Ruler</c>: The traditional ruler, used when the chart does not name its ruler.</para>
/// </remarks>
internal sealed record SignLore(
    ZodiacSign Sign,
    string Name,
    Element Element,
    Modality Modality,
    string Ruler,
    IReadOnlyList<string> Expressions,
    string Quality,
    string Gift,
    string Shadow,
    string Rising,
    string Midheaven);

internal static class SignKnowledge
{
    private static readonly SignLore[] Lore =
    [
        new(ZodiacSign.Aries, "Aries", Element.Fire, Modality.Cardinal, BodyNames.Mars,
            [
                "acts fast and openly, drawn to challenge and impatient with waiting",
                "goes straight for what it wants, with more courage than caution",
                "needs a challenge to come alive and burns brightest at the start of things",
            ],
            "bold, quick and direct",
            "courage, honesty and a talent for beginnings",
            "patience tends to run out long before the job is done",
            "you meet the world head-on, and people first notice your energy and directness",
            "your public path favours leadership, pioneering work and roles where you can act first"),
        new(ZodiacSign.Taurus, "Taurus", Element.Earth, Modality.Fixed, BodyNames.Venus,
            [
                "moves at its own steady pace, seeking comfort, beauty and things that last",
                "builds slowly and holds on, trusting only what it can touch and test",
                "settles into pleasure and routine, and will not be rushed or pushed",
            ],
            "steady, sensual and patient",
            "patience, loyalty and a sure feel for what is worth keeping",
            "comfort can harden into stubbornness",
            "you come across as calm and grounded, someone who is not easily hurried",
            "your public path favours building something solid, whether in finance, craft, food, design or the land"),
        new(ZodiacSign.Gemini, "Gemini", Element.Air, Modality.Mutable, BodyNames.Mercury,
            [
                "stays curious and restless, feeding on conversation, variety and news",
                "thinks on its feet, switching topics and roles with ease",
                "needs movement and talk, and grows bored the moment things stand still",
            ],
            "curious, lively and quick-witted",
            "wit, adaptability and an ear for every side of a story",
            "attention scatters across too many interests at once",
            "you meet people with questions and quick talk, and you often seem younger and lighter than your years",
            "your public path favours writing, teaching, trade and any work built on ideas and contacts"),
        new(ZodiacSign.Cancer, "Cancer", Element.Water, Modality.Cardinal, BodyNames.Moon,
            [
                "reaches for safety and belonging, protective of everyone it calls its own",
                "feels its way forward, led by memory, mood and the need to be at home",
                "shelters and nurtures, guarding a soft centre behind a careful shell",
            ],
            "tender, protective and intuitive",
            "care, loyalty and a long emotional memory",
            "old hurts are kept too close and moods can rule the day",
            "you approach the world carefully, warm once you trust but guarded at first",
            "your public path favours caring roles, family businesses, hospitality and work that feeds or shelters people"),
        new(ZodiacSign.Leo, "Leo", Element.Fire, Modality.Fixed, BodyNames.Sun,
            [
                "wants to shine, showing itself warmly, generously and with a sense of theatre",
                "seeks an audience and gives its whole heart to whatever it creates",
                "leads with pride and loyalty, and needs to be appreciated for what it gives",
            ],
            "warm, proud and generous",
            "warmth, loyalty and the courage to be seen",
            "the need for applause can start to run the show",
            "you make a vivid first impression, and others notice your presence before you speak",
            "your public path favours leadership, performance, creative work and positions where you can be seen"),
        new(ZodiacSign.Virgo, "Virgo", Element.Earth, Modality.Mutable, BodyNames.Mercury,
            [
                "works through detail and care, happiest when something is being improved",
                "sorts, mends and refines, with a sharp eye for what is not yet right",
                "serves quietly and well, trusting skill and method over show",
            ],
            "careful, modest and discerning",
            "skill, precision and a genuine wish to be useful",
            "the eye for flaws can turn inward as worry and self-criticism",
            "you come across as composed, observant and quietly competent",
            "your public path favours analysis, health, editing, craft and any work where precision counts"),
        new(ZodiacSign.Libra, "Libra", Element.Air, Modality.Cardinal, BodyNames.Venus,
            [
                "looks for balance and fairness, and comes alive in partnership",
                "weighs every side before it moves, with a feel for grace and proportion",
                "seeks harmony and company, and works best alongside someone else",
            ],
            "gracious, sociable and fair-minded",
            "tact, taste and a real talent for bringing people together",
            "keeping the peace can mean never saying what you want",
            "you greet the world with charm and courtesy, and people find you easy to approach",
            "your public path favours law, design, diplomacy, counselling and work done with a partner"),
        new(ZodiacSign.Scorpio, "Scorpio", Element.Water, Modality.Fixed, BodyNames.Mars,
            [
                "runs deep and private, committed completely or not at all",
                "probes beneath the surface, drawn to secrets, power and what is hidden",
                "holds on fiercely, feeling everything intensely and showing little",
            ],
            "intense, private and perceptive",
            "depth, nerve and the power to see what others hide",
            "trust comes slowly and grudges last",
            "you give little away at first meeting, yet people sense the intensity behind your reserve",
            "your public path favours research, medicine, finance, psychology and work with what others avoid"),
        new(ZodiacSign.Sagittarius, "Sagittarius", Element.Fire, Modality.Mutable, BodyNames.Jupiter,
            [
                "looks past the horizon, hungry for meaning, travel and honest answers",
                "aims high and speaks plainly, trusting that something good lies ahead",
                "needs room to roam, in ideas as much as on the map",
            ],
            "frank, hopeful and restless",
            "optimism, humour and a wide view of life",
            "promises can run ahead of what can be delivered",
            "you meet the world with open friendliness and a restless, adventurous air",
            "your public path favours teaching, publishing, travel, law and work that spreads ideas"),
        new(ZodiacSign.Capricorn, "Capricorn", Element.Earth, Modality.Cardinal, BodyNames.Saturn,
            [
                "plays the long game, patient, ambitious and serious about results",
                "climbs step by step, respecting structure, time and hard-won experience",
                "takes responsibility early and measures itself by what it achieves",
            ],
            "serious, capable and ambitious",
            "discipline, endurance and quiet authority",
            "work can crowd out rest, play and tenderness",
            "you come across as reserved and capable, someone others trust with responsibility early on",
            "your public path favours management, institutions, building and slow, steady climbs to authority"),
        new(ZodiacSign.Aquarius, "Aquarius", Element.Air, Modality.Fixed, BodyNames.Saturn,
            [
                "keeps its independence, thinking in terms of ideas, groups and the future",
                "goes its own way, questioning rules and imagining better systems",
                "stays cool and principled, loyal to friends and to the common good",
            ],
            "independent, inventive and principled",
            "originality, fairness and loyalty to friends and causes",
            "detachment can look like coldness to those close by",
            "you strike people as friendly but hard to pin down, a little unusual and entirely your own",
            "your public path favours science, technology, reform and work with networks and communities"),
        new(ZodiacSign.Pisces, "Pisces", Element.Water, Modality.Mutable, BodyNames.Jupiter,
            [
                "flows and absorbs, sensitive to moods and open to the unseen",
                "dreams and empathises, slipping easily past ordinary boundaries",
                "gives itself to whatever moves it, whether art, faith or someone in need",
            ],
            "gentle, imaginative and compassionate",
            "empathy, imagination and a gift for art and faith",
            "boundaries blur and escape can look easier than facing things",
            "you come across as gentle and receptive, and people often feel understood around you",
            "your public path favours the arts, healing, spiritual work and roles in service of others"),
    ];

    public static SignLore Get(ZodiacSign sign) => Lore[(int)sign];
}
