using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Transits;

namespace ZodiaCore.ChartService.Synastry;

public sealed class SynastryCalculator(NatalChartBuilder natal)
{
    public ChartOutcome<SynastryResponse> Calculate(SynastryRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A synastry request (first, second) is required."];
            return ChartOutcome.Invalid<SynastryResponse>(errors);
        }

        if (request.FirstChartId is not null && request.First is not null)
        {
            errors["firstChartId"] = ["Give either first or firstChartId, not both."];
        }

        if (request.SecondChartId is not null && request.Second is not null)
        {
            errors["secondChartId"] = ["Give either second or secondChartId, not both."];
        }

        if (errors.Count > 0)
        {
            return ChartOutcome.Invalid<SynastryResponse>(errors);
        }

        var first = natal.Prepare(request.First, "first.");
        var second = natal.Prepare(request.Second, "second.");
        foreach (var outcome in new[] { first, second })
        {
            if (outcome.Problem is not null)
            {
                return outcome.Cast<SynastryResponse>();
            }

            if (outcome.Errors is not null)
            {
                foreach (var (key, value) in outcome.Errors)
                {
                    errors[key] = value;
                }
            }
        }

        var rules = ChartSettings.ParseAspects(request.Aspects, request.Orbs, "", errors);
        if (errors.Count == 0 && first.Value!.Settings.Zodiac != second.Value!.Settings.Zodiac)
        {
            errors["second.options.zodiac"] = ["Both charts must use the same zodiac."];
        }

        if (errors.Count > 0)
        {
            return ChartOutcome.Invalid<SynastryResponse>(errors);
        }

        var a = natal.Compose(first.Value!);
        if (a.Value is null)
        {
            return a.Cast<SynastryResponse>();
        }

        var b = natal.Compose(second.Value!);
        if (b.Value is null)
        {
            return b.Cast<SynastryResponse>();
        }

        var aspects = ChartPoints.From(a.Value, false).AspectsTo(ChartPoints.From(b.Value, false), rules);
        return new ChartOutcome<SynastryResponse>(new SynastryResponse(
            a.Value, b.Value, aspects, Overlay(a.Value, b.Value), Overlay(b.Value, a.Value)));
    }

    /// <summary>Where each body of <paramref name="guest"/> falls in <paramref name="host"/>'s houses (none if the host's time is unknown).</summary>
    private static List<HouseOverlay> Overlay(ChartResponse guest, ChartResponse host)
    {
        var list = new List<HouseOverlay>();
        if (host.Houses is not { } houses)
        {
            return list;
        }

        var cusps = TransitCalculator.CuspsOf(houses);
        foreach (var body in guest.Bodies)
        {
            list.Add(new HouseOverlay(body.Name, HouseCalculator.HouseOf(body.Longitude, cusps)));
        }

        return list;
    }
}
