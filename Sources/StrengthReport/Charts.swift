import StrengthAnalysis
import StrengthModel

/// Builds the report's charts as drawings: where each value sits against its bands, left
/// against right, and how values moved across test dates.
public enum Charts {
    static let labelWidth = 190.0
    static let scaleWidth = 330.0
    static let rowHeight = 30.0

    /// One row per sided measure with a cut-off: coloured band zones, a marker per leg.
    public static func bands(_ findings: [Finding]) -> Drawing? {
        var rows: [(label: String, threshold: ThresholdUsed, left: Finding?, right: Finding?)] = []
        for f in findings where f.threshold != nil && f.side != nil && f.measure != .limbSymmetryIndex {
            let label = FindingText.label(f)
            if let i = rows.firstIndex(where: { $0.label == label }) {
                if f.side == .left { rows[i].left = f } else { rows[i].right = f }
            } else {
                rows.append((label, f.threshold!, f.side == .left ? f : nil, f.side == .right ? f : nil))
            }
        }
        guard !rows.isEmpty else { return nil }
        var d = Drawing(
            width: labelWidth + scaleWidth + 100, height: Double(rows.count) * rowHeight + 34,
            title: "Where each measure sits against its bands, left (L) and right (R)")
        for (i, row) in rows.enumerated() {
            let y = 8 + Double(i) * rowHeight
            let values = [row.left?.value, row.right?.value].compactMap { $0 }
            let top = niceMaximum(
                max(values.max() ?? 0, (row.threshold.green ?? 0) * 1.3, row.threshold.unit == "N" ? 450 : 1.2))
            func x(_ value: Double) -> Double { labelWidth + min(value, top) / top * scaleWidth }
            d.add(.text(x: 0, y: y + 15, text: row.label, size: 10.5, colour: .ink))
            let red = row.threshold.red ?? 0
            let green = row.threshold.green ?? 0
            if red > 0 { d.add(.rect(x: x(0), y: y + 4, width: x(red) - x(0), height: 14, fill: .redZone)) }
            d.add(.rect(x: x(red), y: y + 4, width: x(green) - x(red), height: 14, fill: .amberZone))
            d.add(.rect(x: x(green), y: y + 4, width: x(top) - x(green), height: 14, fill: .greenZone))
            d.add(.line(x1: x(green), y1: y + 2, x2: x(green), y2: y + 20, stroke: .muted, width: 1))
            for (finding, colour, letter) in [(row.left, Colour.left, "L"), (row.right, Colour.right, "R")] {
                guard let finding else { continue }
                let cx = x(finding.value)
                d.add(.circle(cx: cx, cy: y + 11, r: 7, fill: colour, stroke: .paper, width: 1.5))
                d.add(.text(x: cx, y: y + 14.5, text: letter, size: 8.5, colour: .paper, anchor: .middle, bold: true))
            }
            let shown = [row.left, row.right].compactMap { $0 }.map {
                "\($0.side == .left ? "L" : "R") \(FindingText.value($0))"
            }
            d.add(
                .text(
                    x: labelWidth + scaleWidth + 8, y: y + 15, text: shown.joined(separator: "  "), size: 9,
                    colour: .muted))
        }
        let axisY = 8 + Double(rows.count) * rowHeight + 6
        d.add(
            .text(
                x: 0, y: axisY + 10,
                text:
                    "red: below the cut-off · amber: below the target · green: target met; the grey tick is the target",
                size: 8.5, colour: .muted))
        return d
    }

    /// Left and right values of every measure with a left/right difference, as paired bars.
    public static func leftRight(_ findings: [Finding]) -> Drawing? {
        // The hamstrings and any flagged difference; every other pair is in the table of all measures.
        let pairs = Array(
            findings.filter {
                ($0.measure == .asymmetry || $0.measure == .limbSymmetryIndex) && $0.inputs.count == 2
                    && ($0.muscle == .hamstrings || $0.band == .amber || $0.band == .red)
            }.prefix(6))
        guard !pairs.isEmpty else { return nil }
        var d = Drawing(
            width: labelWidth + scaleWidth + 110, height: Double(pairs.count) * 34 + 26,
            title: "Left and right strength per test, with the difference between them")
        for (i, f) in pairs.enumerated() {
            let y = 6 + Double(i) * 34
            let left = f.inputs[0].value
            let right = f.inputs[1].value
            let top = max(left, right) * 1.05
            d.add(.text(x: 0, y: y + 17, text: FindingText.label(f), size: 10.5, colour: .ink))
            for (row, value, colour) in [(0.0, left, Colour.left), (1.0, right, Colour.right)] {
                let width = top > 0 ? value / top * scaleWidth : 0
                d.add(.rect(x: labelWidth, y: y + 3 + row * 13, width: width, height: 11, fill: colour, radius: 2))
                d.add(
                    .text(
                        x: labelWidth + width + 4, y: y + 12 + row * 13,
                        text: "\(row == 0 ? "L" : "R") \(Formatting.fixed(value, digits: 0)) \(f.inputs[0].unit)",
                        size: 8.5,
                        colour: .muted))
            }
            d.add(
                .text(
                    x: labelWidth + scaleWidth + 60, y: y + 17, text: FindingText.value(f), size: 11,
                    colour: Colour.band(f.band.rawValue), anchor: .start, bold: true))
        }
        d.add(
            .text(
                x: labelWidth, y: Double(pairs.count) * 34 + 20, text: "blue: left · orange: right", size: 8.5,
                colour: .muted))
        return d
    }

    /// Values of one measure over an athlete's test dates, against its target.
    public static func trend(
        label: String, points: [(date: TestDate, left: Double?, right: Double?)], threshold: ThresholdUsed?
    )
        -> Drawing?
    {
        guard points.count >= 2 else { return nil }
        // Wide enough for the cut-off values written to the right of the plot.
        let width = 312.0
        let height = 120.0
        let plot = (x: 40.0, y: 18.0, w: 240.0, h: 74.0)
        var d = Drawing(width: width, height: height, title: "\(label) across test dates")
        let values = points.flatMap { [$0.left, $0.right].compactMap { $0 } } + (threshold?.cutoffs ?? [])
        let low = max(0, (values.min() ?? 0) * 0.85)
        let high = (values.max() ?? 1) * 1.1
        func y(_ v: Double) -> Double { plot.y + plot.h - (v - low) / max(high - low, 1e-9) * plot.h }
        let first = Double(points.first!.date.daysSinceEpoch)
        let span = max(1, Double(points.last!.date.daysSinceEpoch) - first)
        func x(_ date: TestDate) -> Double { plot.x + (Double(date.daysSinceEpoch) - first) / span * plot.w }
        d.add(.text(x: 0, y: 11, text: label, size: 10.5, colour: .ink, bold: true))
        d.add(.line(x1: plot.x, y1: plot.y + plot.h, x2: plot.x + plot.w, y2: plot.y + plot.h, stroke: .rule, width: 1))
        // The scale, so a reader can read a value off the chart.
        let unit = threshold?.unit ?? "ratio"
        for v in [low, high] {
            d.add(
                .text(
                    x: plot.x - 4, y: y(v) + 3, text: FindingText.short(v, unit: unit), size: 8, colour: .muted,
                    anchor: .end))
        }
        if let red = threshold?.red, red > low, red < high {
            d.add(.line(x1: plot.x, y1: y(red), x2: plot.x + plot.w, y2: y(red), stroke: .red, width: 1, dashed: true))
            d.add(
                .text(
                    x: plot.x + plot.w + 3, y: y(red) + 3, text: FindingText.short(red, unit: unit), size: 8,
                    colour: .red))
        }
        if let green = threshold?.green, green > low, green < high {
            d.add(
                .line(
                    x1: plot.x, y1: y(green), x2: plot.x + plot.w, y2: y(green), stroke: .green, width: 1, dashed: true)
            )
            d.add(
                .text(
                    x: plot.x + plot.w + 3, y: y(green) + 3, text: FindingText.short(green, unit: threshold!.unit),
                    size: 8, colour: .green))
        }
        for (side, colour) in [(Side.left, Colour.left), (Side.right, Colour.right)] {
            let series = points.compactMap { p -> (Double, Double)? in
                guard let v = side == .left ? p.left : p.right else { return nil }
                return (x(p.date), y(v))
            }
            guard !series.isEmpty else { continue }
            d.add(.polyline(points: series, stroke: colour, width: 2))
            for point in series { d.add(.circle(cx: point.0, cy: point.1, r: 3, fill: colour)) }
            // The first and the last value, labelled beside their points.
            let values = points.compactMap { side == .left ? $0.left : $0.right }
            // Inside the plot, clear of the cut-off labels at its right edge.
            let ends = [points.first!, points.last!]
            for (index, (point, value, anchor)) in [
                (series.first!, values.first!, Drawing.Anchor.start), (series.last!, values.last!, .end),
            ].enumerated() {
                // The higher of the two legs is labelled above its point, the lower below, so they never collide.
                let other = side == .left ? ends[index].right : ends[index].left
                let below = other.map { value < $0 || (value == $0 && side == .right) } ?? false
                d.add(
                    .text(
                        x: point.0 + (anchor == .start ? 5 : -5), y: point.1 + (below ? 12 : -6),
                        text: FindingText.short(value, unit: unit), size: 8, colour: colour, anchor: anchor))
            }
        }
        // A legend, when both legs are drawn.
        if points.contains(where: { $0.left != nil }) && points.contains(where: { $0.right != nil }) {
            d.add(.circle(cx: width - 64, cy: 7, r: 3, fill: .left))
            d.add(.text(x: width - 58, y: 10, text: "left", size: 8, colour: .muted))
            d.add(.circle(cx: width - 34, cy: 7, r: 3, fill: .right))
            d.add(.text(x: width - 28, y: 10, text: "right", size: 8, colour: .muted))
        }
        // Under the first and the last point, each held inside the chart so neither is cut off.
        d.add(.text(x: plot.x - 4, y: height - 6, text: points.first!.date.description, size: 8, colour: .muted))
        d.add(
            .text(
                x: plot.x + plot.w + 4, y: height - 6, text: points.last!.date.description, size: 8, colour: .muted,
                anchor: .end))
        return d
    }

    /// One trend chart per banded, sided measure of this session that was also measured earlier.
    public static func trends(for a: Assessment, history: [Assessment]) -> [Drawing] {
        let past = history.filter { $0.date <= a.date }
        guard past.count >= 2 else { return [] }
        var charts: [Drawing] = []
        var seen = Set<String>()
        for f in a.findings where f.side != nil && f.threshold != nil && f.measure != .limbSymmetryIndex {
            let label = FindingText.label(f)
            guard seen.insert(label).inserted else { continue }
            let points = past.map { session -> (date: TestDate, left: Double?, right: Double?) in
                let same = session.findings.filter { FindingText.label($0) == label && $0.measure == f.measure }
                return (session.date, same.first { $0.side == .left }?.value, same.first { $0.side == .right }?.value)
            }.filter { $0.left != nil || $0.right != nil }
            if let chart = trend(label: label, points: points, threshold: f.threshold) { charts.append(chart) }
        }
        return charts
    }

    /// A round upper end for a scale: 1.2, 1.5, 2, 400, 500 …
    static func niceMaximum(_ value: Double) -> Double {
        for step in [1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0] where value <= step { return step }
        var magnitude = 1.0
        while magnitude * 10 < value { magnitude *= 10 }
        for factor in [1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] where value <= factor * magnitude {
            return factor * magnitude
        }
        return value
    }
}

extension FindingText {
    /// A threshold number in its unit: `0.60`, `15%`, `337 N`.
    static func short(_ value: Double, unit: String) -> String {
        switch unit {
        case "ratio": Formatting.ratio(value)
        case "%": "\(Formatting.fixed(value, digits: 0))%"
        case "N": "\(Formatting.fixed(value, digits: 0)) N"
        default: Formatting.fixed(value, digits: 1)
        }
    }
}
