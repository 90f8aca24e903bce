using System.Globalization;
using System.Text;
using System.Xml;
using ZodiaCore.ChartService.Charts;
using ZodiaCore.ChartService.Ephemeris;

namespace ZodiaCore.ChartService.Rendering;

/// <summary>
/// Draws a chart wheel as standalone SVG: zodiac ring, house cusps with numbers, body glyphs spread so none
/// overlap, aspect lines coloured by kind, and the Ascendant on the left as charts are read.
/// </summary>
public static class ChartWheelSvg
{
    public const double Size = 600;
    public const double Center = Size / 2;
    public const double OuterRadius = 290;
    public const double ZodiacRadius = 250;
    public const double BodyRadius = 215;
    public const double HouseNumberRadius = 125;
    public const double AspectRadius = 110;

    /// <summary>Smallest angular gap between two body glyphs on the wheel.</summary>
    public const double MinGlyphSeparation = 7.5;

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly string[] ElementColors = ["#d9534f", "#8a6d3b", "#5bc0de", "#337ab7"];

    public static string Render(ChartResponse chart)
    {
        // Without a birth time there is no Ascendant: 0° Aries goes on the left instead.
        var left = chart.Angles?.Ascendant ?? 0.0;
        var text = new StringBuilder(16 * 1024);
        var settings = new XmlWriterSettings { Indent = false, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriterWithEncoding(text), settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("svg", SvgNamespace);
            Attr(writer, "width", Size);
            Attr(writer, "height", Size);
            writer.WriteAttributeString("viewBox", $"0 0 {Num(Size)} {Num(Size)}");
            writer.WriteAttributeString("font-family", "DejaVu Sans, Noto Sans Symbols, Segoe UI Symbol, sans-serif");
            writer.WriteElementString("title", SvgNamespace, $"Chart wheel {chart.Utc}");

            Circle(writer, OuterRadius, "#ffffff", "#333333", 1.5);
            Circle(writer, ZodiacRadius, "none", "#333333", 1);
            Circle(writer, AspectRadius, "none", "#999999", 0.8);

            DrawZodiac(writer, left);
            if (chart.Houses is not null && chart.Angles is not null)
            {
                DrawHouses(writer, chart, left);
            }

            DrawAspects(writer, chart, left);
            DrawBodies(writer, chart, left);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
    }

    /// <summary>Screen position of an ecliptic longitude: counter-clockwise, <paramref name="left"/> at 9 o'clock.</summary>
    public static (double X, double Y) Point(double longitude, double radius, double left)
    {
        var theta = (180.0 + longitude - left) * Math.PI / 180.0;
        return (Center + (radius * Math.Cos(theta)), Center - (radius * Math.Sin(theta)));
    }

    /// <summary>Glyph longitudes spread apart by at least <see cref="MinGlyphSeparation"/>, keeping their order.</summary>
    public static double[] SpreadGlyphs(IReadOnlyList<double> longitudes)
    {
        var n = longitudes.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => longitudes[a].CompareTo(longitudes[b]));
        var placed = new double[n];
        for (var i = 0; i < n; i++)
        {
            placed[i] = longitudes[order[i]];
        }

        // Relax neighbouring pairs in sorted order (the last wraps to the first) until no gap is too small;
        // values stay unwrapped while relaxing so the order cannot flip across 0°.
        for (var iteration = 0; iteration < 1000 && n > 1; iteration++)
        {
            var moved = false;
            for (var i = 0; i < n; i++)
            {
                var j = i == n - 1 ? 0 : i + 1;
                var gap = j == 0 ? placed[0] + 360.0 - placed[i] : placed[j] - placed[i];
                if (gap < MinGlyphSeparation - 1e-9)
                {
                    var push = ((MinGlyphSeparation - gap) / 2) + 0.01;
                    placed[i] -= push;
                    placed[j] += push;
                    moved = true;
                }
            }

            if (!moved)
            {
                break;
            }
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[order[i]] = Angles.Normalize(placed[i]);
        }

        return result;
    }

    private static void DrawZodiac(XmlWriter w, double left)
    {
        w.WriteStartElement("g", SvgNamespace);
        w.WriteAttributeString("id", "zodiac");
        for (var sign = 0; sign < 12; sign++)
        {
            Line(w, sign * 30.0, ZodiacRadius, OuterRadius, left, "#333333", 1, null);
            var (x, y) = Point((sign * 30.0) + 15, (ZodiacRadius + OuterRadius) / 2, left);
            w.WriteStartElement("text", SvgNamespace);
            w.WriteAttributeString("class", "sign");
            w.WriteAttributeString("data-sign", Zodiac.SignName(sign));
            Attr(w, "x", x);
            Attr(w, "y", y);
            w.WriteAttributeString("font-size", "22");
            w.WriteAttributeString("text-anchor", "middle");
            w.WriteAttributeString("dominant-baseline", "central");
            w.WriteAttributeString("fill", ElementColors[Zodiac.ElementOf(sign)]);

            // U+FE0E asks for the text (not emoji) presentation of the sign glyph.
            w.WriteString(Zodiac.SignGlyph(sign) + "\uFE0E");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void DrawHouses(XmlWriter w, ChartResponse chart, double left)
    {
        var cusps = chart.Houses!.Cusps;
        w.WriteStartElement("g", SvgNamespace);
        w.WriteAttributeString("id", "houses");
        for (var i = 0; i < 12; i++)
        {
            var axis = i is 0 or 3 or 6 or 9;
            Line(w, cusps[i], AspectRadius, axis ? OuterRadius : ZodiacRadius, left, axis ? "#000000" : "#777777", axis ? 2 : 0.8, "cusp");
            var width = Angles.Normalize(cusps[(i + 1) % 12] - cusps[i]);
            var (x, y) = Point(cusps[i] + (width / 2), HouseNumberRadius, left);
            w.WriteStartElement("text", SvgNamespace);
            w.WriteAttributeString("class", "house-number");
            Attr(w, "x", x);
            Attr(w, "y", y);
            w.WriteAttributeString("font-size", "11");
            w.WriteAttributeString("text-anchor", "middle");
            w.WriteAttributeString("dominant-baseline", "central");
            w.WriteAttributeString("fill", "#555555");
            w.WriteString((i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }

        var (ax, ay) = Point(chart.Angles!.Ascendant, OuterRadius + 2, left);
        w.WriteStartElement("text", SvgNamespace);
        w.WriteAttributeString("id", "ascendant-label");
        Attr(w, "x", ax + 2);
        Attr(w, "y", ay - 6);
        w.WriteAttributeString("font-size", "10");
        w.WriteString("AC");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void DrawAspects(XmlWriter w, ChartResponse chart, double left)
    {
        var where = new Dictionary<string, double>();
        foreach (var body in chart.Bodies)
        {
            where[body.Name] = body.Longitude;
        }

        if (chart.Angles is { } angles)
        {
            where["ascendant"] = angles.Ascendant;
            where["midheaven"] = angles.Midheaven;
        }

        w.WriteStartElement("g", SvgNamespace);
        w.WriteAttributeString("id", "aspects");
        foreach (var aspect in chart.Aspects)
        {
            if (aspect.Kind == "conjunction" || !where.TryGetValue(aspect.First, out var a) || !where.TryGetValue(aspect.Second, out var b))
            {
                continue;
            }

            var (x1, y1) = Point(a, AspectRadius, left);
            var (x2, y2) = Point(b, AspectRadius, left);
            w.WriteStartElement("line", SvgNamespace);
            w.WriteAttributeString("class", "aspect " + aspect.Kind);
            w.WriteAttributeString("data-bodies", aspect.First + " " + aspect.Second);
            Attr(w, "x1", x1);
            Attr(w, "y1", y1);
            Attr(w, "x2", x2);
            Attr(w, "y2", y2);
            w.WriteAttributeString("stroke", AspectColor(aspect.Kind));
            w.WriteAttributeString("stroke-width", aspect.Kind is "opposition" or "square" or "trine" or "sextile" ? "1.2" : "0.8");
            if (aspect.Kind is not ("opposition" or "square" or "trine" or "sextile"))
            {
                w.WriteAttributeString("stroke-dasharray", "4 3");
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private static void DrawBodies(XmlWriter w, ChartResponse chart, double left)
    {
        var longitudes = new double[chart.Bodies.Count];
        for (var i = 0; i < longitudes.Length; i++)
        {
            longitudes[i] = chart.Bodies[i].Longitude;
        }

        var placed = SpreadGlyphs(longitudes);
        w.WriteStartElement("g", SvgNamespace);
        w.WriteAttributeString("id", "bodies");
        for (var i = 0; i < longitudes.Length; i++)
        {
            var body = chart.Bodies[i];
            Line(w, body.Longitude, ZodiacRadius - 8, ZodiacRadius, left, "#000000", 1, "tick");
            var (gx, gy) = Point(placed[i], BodyRadius, left);
            var (tx, ty) = Point(body.Longitude, ZodiacRadius - 8, left);
            w.WriteStartElement("line", SvgNamespace);
            w.WriteAttributeString("class", "leader");
            Attr(w, "x1", tx);
            Attr(w, "y1", ty);
            Attr(w, "x2", gx);
            Attr(w, "y2", gy);
            w.WriteAttributeString("stroke", "#bbbbbb");
            w.WriteAttributeString("stroke-width", "0.5");
            w.WriteEndElement();

            w.WriteStartElement("text", SvgNamespace);
            w.WriteAttributeString("class", "body" + (body.Retrograde ? " retrograde" : ""));
            w.WriteAttributeString("data-body", body.Name);
            w.WriteAttributeString("data-angle", Num(placed[i]));
            Attr(w, "x", gx);
            Attr(w, "y", gy);
            w.WriteAttributeString("font-size", "18");
            w.WriteAttributeString("text-anchor", "middle");
            w.WriteAttributeString("dominant-baseline", "central");
            w.WriteAttributeString("fill", body.Retrograde ? "#a94442" : "#111111");
            w.WriteString((BodyCatalog.TryParse(body.Name, out var parsed) ? BodyCatalog.Glyph(parsed) : "•") + "\uFE0E");
            w.WriteStartElement("title", SvgNamespace);
            w.WriteString($"{body.Name} {body.Formatted}{(body.Retrograde ? " R" : "")}");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>
    /// One colour per kind, in the usual families so a reader still sees them at a glance: hard aspects in reds and
    /// oranges, soft ones in blues, the quincunx family in greens, quintiles in purples.
    /// </summary>
    internal static string AspectColor(string kind) => kind switch
    {
        "opposition" => "#d9534f",
        "square" => "#e8833a",
        "semisquare" => "#c9745a",
        "sesquiquadrate" => "#a8465f",
        "trine" => "#337ab7",
        "sextile" => "#46b8da",
        "quincunx" => "#5cb85c",
        "semisextile" => "#8fbf7f",
        "quintile" => "#8e6bbf",
        "biquintile" => "#b39ddb",
        _ => "#999999",
    };

    private static void Circle(XmlWriter w, double r, string fill, string stroke, double width)
    {
        w.WriteStartElement("circle", SvgNamespace);
        Attr(w, "cx", Center);
        Attr(w, "cy", Center);
        Attr(w, "r", r);
        w.WriteAttributeString("fill", fill);
        w.WriteAttributeString("stroke", stroke);
        Attr(w, "stroke-width", width);
        w.WriteEndElement();
    }

    private static void Line(XmlWriter w, double longitude, double r1, double r2, double left, string stroke, double width, string? cssClass)
    {
        var (x1, y1) = Point(longitude, r1, left);
        var (x2, y2) = Point(longitude, r2, left);
        w.WriteStartElement("line", SvgNamespace);
        if (cssClass is not null)
        {
            w.WriteAttributeString("class", cssClass);
        }

        Attr(w, "x1", x1);
        Attr(w, "y1", y1);
        Attr(w, "x2", x2);
        Attr(w, "y2", y2);
        w.WriteAttributeString("stroke", stroke);
        Attr(w, "stroke-width", width);
        w.WriteEndElement();
    }

    private static void Attr(XmlWriter w, string name, double value) => w.WriteAttributeString(name, Num(value));

    private static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed class StringWriterWithEncoding(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
