import StrengthAnalysis
import StrengthModel

extension Charts {
    /// The machine ratio over a training log's windows: one line per curl machine, never joined across
    /// a machine change, which is marked; each point labelled with its ratio.
    public static func trainingLog(_ rows: [TrainingLogText.TrendRow], target: Double?) -> Drawing? {
        guard rows.count >= 2 else { return nil }
        let width = 520.0
        let height = 150.0
        let plot = (x: 44.0, y: 22.0, w: 430.0, h: 90.0)
        var d = Drawing(width: width, height: height, title: "Leg curl ÷ leg extension across the training log")
        let values = rows.map(\.ratio) + [target].compactMap { $0 }
        let low = max(0, (values.min() ?? 0) - 0.1)
        let high = (values.max() ?? 1) + 0.1
        func y(_ v: Double) -> Double { plot.y + plot.h - (v - low) / max(high - low, 1e-9) * plot.h }
        func x(_ i: Int) -> Double { plot.x + Double(i) / Double(rows.count - 1) * plot.w }
        d.add(.text(x: 0, y: 12, text: "Leg curl ÷ leg extension, per window", size: 10.5, colour: .ink, bold: true))
        d.add(.line(x1: plot.x, y1: plot.y + plot.h, x2: plot.x + plot.w, y2: plot.y + plot.h, stroke: .rule, width: 1))
        for v in [low, high] {
            d.add(.text(x: plot.x - 4, y: y(v) + 3, text: Formatting.ratio(v), size: 8, colour: .muted, anchor: .end))
        }
        if let target, target > low, target < high {
            d.add(
                .line(
                    x1: plot.x, y1: y(target), x2: plot.x + plot.w, y2: y(target), stroke: .green, width: 1,
                    dashed: true))
            d.add(
                .text(x: plot.x + plot.w + 3, y: y(target) + 3, text: Formatting.ratio(target), size: 8, colour: .green)
            )
        }
        var segment: [(Double, Double)] = []
        for (i, row) in rows.enumerated() {
            if row.machineChanged {
                if segment.count > 1 { d.add(.polyline(points: segment, stroke: .left, width: 2)) }
                segment = []
                let mid = (x(i - 1) + x(i)) / 2
                d.add(.line(x1: mid, y1: plot.y, x2: mid, y2: plot.y + plot.h, stroke: .amber, width: 1, dashed: true))
                d.add(
                    .text(
                        x: mid, y: plot.y - 4, text: "new machine: \(row.machine)", size: 8, colour: .amber,
                        anchor: .middle))
            }
            segment.append((x(i), y(row.ratio)))
        }
        if segment.count > 1 { d.add(.polyline(points: segment, stroke: .left, width: 2)) }
        for (i, row) in rows.enumerated() {
            d.add(.circle(cx: x(i), cy: y(row.ratio), r: 3, fill: .left))
            d.add(
                .text(
                    x: x(i), y: y(row.ratio) - 6, text: Formatting.ratio(row.ratio), size: 8, colour: .ink,
                    anchor: .middle))
        }
        let ends = rows.map { String($0.period.suffix(10)) }
        for i in [0, rows.count - 1] {
            d.add(
                .text(
                    x: x(i), y: height - 8, text: "to \(ends[i])", size: 8, colour: .muted,
                    anchor: i == 0 ? .start : .end))
        }
        return d
    }
}
