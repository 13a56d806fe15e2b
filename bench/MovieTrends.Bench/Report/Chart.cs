using System.Globalization;
using System.Text;
using MovieTrends.Bench.Load;

namespace MovieTrends.Bench.Report;

/// <summary>An SVG with two panels, requests/s and p99 latency against connections, one line per scenario and route.</summary>
public static class Chart
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 300;
    private const int Margin = 60;
    private const int LegendRowHeight = 16;

    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string Render(CatalogReport report, IReadOnlyList<int> connections)
    {
        var series = report.Measurements
            .Where(row => connections.Contains(row.Connections))
            .GroupBy(row => (row.Scenario.Name, row.Route))
            .Select(group => (Label: Label(group.Key.Name, group.Key.Route), Route: group.Key.Route, Points: group.OrderBy(row => row.Connections).ToArray()))
            .ToArray();
        var legendHeight = ((series.Length + 1) / 2) * LegendRowHeight + 20;
        var width = 2 * (PanelWidth + 2 * Margin);
        var height = PanelHeight + 2 * Margin + legendHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="11">""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<rect width="{width}" height="{height}" fill="white"/>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Margin}" y="20" font-size="14" font-weight="bold">{Escape(report.Name)}: requests/s and p99 latency against connections</text>""").AppendLine();

        DrawPanel(svg, 0, "requests/s", series, connections, row => row.Wrk.RequestsPerSecond, logScale: false);
        DrawPanel(svg, PanelWidth + 2 * Margin, "p99 latency (ms, log scale)", series, connections, row => Math.Max(0.1, row.Wrk.P99Microseconds / 1000.0), logScale: true);

        for (var index = 0; index < series.Length; index++)
        {
            var x = Margin + (index % 2) * (PanelWidth + 2 * Margin);
            var y = PanelHeight + 2 * Margin + (index / 2) * LegendRowHeight + 10;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}" {Stroke(series[index].Route, index)}/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 30}" y="{y}">{Escape(series[index].Label)}</text>""").AppendLine();
        }

        return svg.Append("</svg>").AppendLine().ToString();
    }

    private static void DrawPanel(
        StringBuilder svg, int left, string title, (string Label, Route Route, Measurement[] Points)[] series,
        IReadOnlyList<int> connections, Func<Measurement, double> value, bool logScale)
    {
        var x0 = left + Margin;
        var y0 = Margin + PanelHeight;
        var values = series.SelectMany(line => line.Points).Select(value).DefaultIfEmpty(1).ToArray();
        var max = NiceCeiling(values.Max());
        var min = logScale ? Math.Pow(10, Math.Floor(Math.Log10(values.Min()))) : 0;
        double Y(double v) => logScale
            ? y0 - (Math.Log10(v) - Math.Log10(min)) / (Math.Log10(max) - Math.Log10(min)) * PanelHeight
            : y0 - v / max * PanelHeight;
        double X(int c) => x0 + (connections.Count == 1 ? PanelWidth / 2.0 : connections.ToList().IndexOf(c) * PanelWidth / (connections.Count - 1.0));

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x0}" y="{Margin - 12}" font-weight="bold">{title}</text>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x0}" y1="{y0}" x2="{x0 + PanelWidth}" y2="{y0}" stroke="black"/><line x1="{x0}" y1="{y0}" x2="{x0}" y2="{Margin}" stroke="black"/>""").AppendLine();
        foreach (var tick in Ticks(min, max, logScale))
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x0}" y1="{y:F1}" x2="{x0 + PanelWidth}" y2="{y:F1}" stroke="#ddd"/><text x="{x0 - 6}" y="{y + 4:F1}" text-anchor="end">{tick:#,0.##}</text>""").AppendLine();
        }

        foreach (var c in connections)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{X(c):F1}" y="{y0 + 16}" text-anchor="middle">{c} connections</text>""").AppendLine();
        }

        for (var index = 0; index < series.Length; index++)
        {
            var points = string.Join(' ', series[index].Points.Select(row => $"{X(row.Connections):F1},{Y(value(row)):F1}"));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" points="{points}" {Stroke(series[index].Route, index)}/>""").AppendLine();
            foreach (var row in series[index].Points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<circle cx="{X(row.Connections):F1}" cy="{Y(value(row)):F1}" r="2.5" fill="{Colour(series[index].Route, index)}"/>""");
            }
        }
    }

    private static IEnumerable<double> Ticks(double min, double max, bool logScale)
    {
        if (logScale)
        {
            for (var tick = min; tick <= max * 1.0001; tick *= 10)
            {
                yield return tick;
            }

            yield break;
        }

        for (var step = 0; step <= 5; step++)
        {
            yield return max * step / 5;
        }
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above the value.</summary>
    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(value, 1e-9))));
        return new[] { 1, 2, 5, 10 }.Select(factor => factor * power).First(candidate => candidate >= value);
    }

    private static string Label(string scenario, Route route) => route switch
    {
        Route.Baseline => "baseline (fixed bytes)",
        Route.Proxy => $"{scenario} · via web proxy",
        _ => $"{scenario} · direct",
    };

    private static string Colour(Route route, int index) => route == Route.Baseline ? "black" : Palette[(index + 1) / 2 % Palette.Length];

    private static string Stroke(Route route, int index) => route switch
    {
        Route.Baseline => """stroke="black" stroke-width="3" """,
        Route.Proxy => $"""stroke="{Colour(route, index)}" stroke-width="2" stroke-dasharray="6 3" """,
        _ => $"""stroke="{Colour(route, index)}" stroke-width="2" """,
    };

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
