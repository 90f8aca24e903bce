using NodaTime;

namespace ZodiaCore.ChartService.Time;

/// <summary>The calendars a birth date may be written in (<c>birth.calendar</c>).</summary>
public static class BirthCalendars
{
    public const string Gregorian = "gregorian";
    public const string Julian = "julian";

    public static IReadOnlyList<string> All { get; } = [Gregorian, Julian];

    /// <summary>The NodaTime calendar for a name (any case; null or empty is Gregorian); false for an unknown name.</summary>
    public static bool TryParse(string? name, out string normalized, out CalendarSystem calendar)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || string.Equals(trimmed, Gregorian, StringComparison.OrdinalIgnoreCase))
        {
            (normalized, calendar) = (Gregorian, CalendarSystem.Iso);
            return true;
        }

        if (string.Equals(trimmed, Julian, StringComparison.OrdinalIgnoreCase))
        {
            (normalized, calendar) = (Julian, CalendarSystem.Julian);
            return true;
        }

        (normalized, calendar) = (Gregorian, CalendarSystem.Iso);
        return false;
    }
}
