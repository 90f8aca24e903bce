using NodaTime;
using NodaTime.Text;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Houses;
using ZodiaCore.ChartService.Time;

namespace ZodiaCore.ChartService.Transits;

public sealed class TransitCalculator(NatalChartBuilder natal, TimeProvider time)
{
    /// <summary>Transit orbs are tighter than natal ones: 1° unless the request says otherwise.</summary>
    public const double DefaultOrb = 1.0;

    public ChartOutcome<TransitResponse> Calculate(TransitRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A transit request (natal, at) is required."];
            return ChartOutcome.Invalid<TransitResponse>(errors);
        }

        var prepared = natal.Prepare(request.Natal, "natal.");
        if (prepared.Problem is not null)
        {
            return prepared.Cast<TransitResponse>();
        }

        if (prepared.Errors is not null)
        {
            foreach (var (key, value) in prepared.Errors)
            {
                errors[key] = value;
            }
        }

        var years = natal.Engine.Ephemeris.Years;
        var at = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(request.At))
        {
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(request.At.Trim());
            if (!parsed.Success)
            {
                errors["at"] = [$"'{request.At}' is not an ISO-8601 instant (e.g. 2026-01-01T12:00:00Z)."];
            }
            else if (!years.Contains(parsed.Value))
            {
                errors["at"] = [$"Supported years are {years.Description}."];
            }
            else
            {
                at = parsed.Value.ToInstant();
            }
        }

        var rules = ChartSettings.ParseAspects(request.Aspects, request.Orbs, "", errors, DefaultOrb);
        if (errors.Count > 0)
        {
            return ChartOutcome.Invalid<TransitResponse>(errors);
        }

        var chart = prepared.Value!;
        var natalChart = natal.Compose(chart);
        if (natalChart.Value is null)
        {
            return natalChart.Cast<TransitResponse>();
        }

        var jd = JulianDay.FromInstant(at);
        var settings = chart.Settings;
        var frame = new ChartFrame();
        natal.Engine.Compute(
            new ChartFrameRequest(jd, chart.Location.Latitude, chart.Location.Longitude, chart.Location.Altitude, settings.Bodies, [],
                WithHouses: false, SiderealMode: settings.SiderealMode, Topocentric: settings.Topocentric),
            frame);

        var natalCusps = natalChart.Value.Houses is { } houses ? CuspsOf(houses) : null;
        var transits = new List<BodyResponse>(frame.BodyCount);
        var warnings = new List<ChartWarning>();
        for (var i = 0; i < frame.BodyCount; i++)
        {
            var name = Ephemeris.BodyCatalog.Name(frame.Bodies[i]);
            if (frame.ReturnFlags[i] < 0)
            {
                warnings.Add(new ChartWarning(WarningCodes.BodyUnavailable, $"{name} could not be computed at {BirthMomentResolver.FormatUtc(at)}."));
                continue;
            }

            var p = frame.Positions[i];
            transits.Add(BodyResponse.From(name, p, settings.Sidereal, natalCusps is null ? null : HouseCalculator.HouseOf(p.Longitude, natalCusps)));
        }

        if (frame.UsedMoshier)
        {
            warnings.Add(new ChartWarning(WarningCodes.MoshierFallback, "Transit positions come from the Moshier fallback ephemeris."));
        }

        var transitChart = natalChart.Value with { Bodies = transits, Angles = null, Meta = natalChart.Value.Meta };
        var aspects = ChartPoints.From(transitChart, false).AspectsTo(ChartPoints.From(natalChart.Value, true), rules);
        return new ChartOutcome<TransitResponse>(new TransitResponse(
            natalChart.Value, BirthMomentResolver.FormatUtc(at), jd, transits, aspects, warnings));
    }

    internal static double[] CuspsOf(HousesResponse houses)
    {
        var cusps = new double[13];
        for (var i = 0; i < 12; i++)
        {
            cusps[i + 1] = houses.Cusps[i];
        }

        return cusps;
    }
}
