/// Start and end positions of the two home exercises, drawn as simple figures.
public enum Illustrations {
    private static let floorY = 100.0
    /// Nothing is drawn above this line; it is trimmed off.
    private static let top = 40.0

    /// A figure lying on its back: head, torso from shoulders to hips, thigh to the knee, shin to the heel.
    private static func figure(
        _ d: inout Drawing, head: (Double, Double), shoulder: (Double, Double), hip: (Double, Double),
        knee: (Double, Double), heel: (Double, Double), hand: (Double, Double)
    ) {
        let limb = 4.5
        d.add(.polyline(points: [shoulder, hand], stroke: .body, width: limb - 1))
        d.add(.polyline(points: [shoulder, hip], stroke: .body, width: limb + 2))
        d.add(.polyline(points: [hip, knee, heel], stroke: .body, width: limb))
        d.add(.circle(cx: head.0, cy: head.1, r: 7.5, fill: .body))
    }

    private static func arrow(_ d: inout Drawing, from: (Double, Double), to: (Double, Double)) {
        d.add(.line(x1: from.0, y1: from.1, x2: to.0, y2: to.1, stroke: .red, width: 1.6))
        let dx = to.0 - from.0
        let dy = to.1 - from.1
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let (ux, uy) = (dx / length, dy / length)
        let back = (to.0 - ux * 6, to.1 - uy * 6)
        d.add(
            .polyline(
                points: [(back.0 - uy * 4, back.1 + ux * 4), to, (back.0 + uy * 4, back.1 - ux * 4)], stroke: .red,
                width: 1.6))
    }

    private static func panel(_ title: String, caption: String) -> Drawing {
        var d = Drawing(width: 230, height: 122, title: "\(title): \(caption)")
        d.add(.line(x1: 4, y1: floorY + 3, x2: 226, y2: floorY + 3, stroke: .rule, width: 1.5))
        d.add(.text(x: 6, y: 118, text: caption, size: 9, colour: .muted))
        return d
    }

    /// Hip raise: heels on a couch, knees straight; start on the floor, end with the hips lifted.
    public static func hipRaise() -> (start: Drawing, end: Drawing) {
        func couch(_ d: inout Drawing) {
            d.add(.rect(x: 160, y: 66, width: 62, height: floorY + 3 - 66, fill: .furniture, radius: 3))
            d.add(.rect(x: 156, y: 60, width: 70, height: 9, fill: .furniture, radius: 3))
        }
        var start = panel("Hip raise", caption: "Start: heels on the couch, knees straight")
        couch(&start)
        figure(
            &start, head: (22, 92), shoulder: (36, 97), hip: (96, 97), knee: (132, 79), heel: (170, 58),
            hand: (70, 99))
        var end = panel("Hip raise", caption: "End: push the heels down, lift the hips")
        couch(&end)
        figure(
            &end, head: (22, 92), shoulder: (36, 97), hip: (100, 77), knee: (135, 68), heel: (170, 58), hand: (70, 99))
        arrow(&end, from: (100, 97), to: (100, 84))
        return (start.trimmingTop(top), end.trimmingTop(top))
    }

    /// Leg curl on a ball: hips lifted and straight; start with straight legs, end with the heels curled in.
    public static func legCurl() -> (start: Drawing, end: Drawing) {
        var start = panel("Leg curl", caption: "Start: heels on the ball, hips up and straight")
        start.add(.circle(cx: 182, cy: floorY + 3 - 16, r: 16, fill: .furniture))
        figure(
            &start, head: (22, 92), shoulder: (36, 97), hip: (100, 80), knee: (138, 73), heel: (176, 69), hand: (70, 99)
        )
        var end = panel("Leg curl", caption: "End: curl the heels towards the glutes")
        end.add(.circle(cx: 140, cy: floorY + 3 - 16, r: 16, fill: .furniture))
        figure(
            &end, head: (22, 92), shoulder: (36, 97), hip: (96, 72), knee: (122, 52), heel: (136, 70), hand: (70, 99))
        arrow(&end, from: (176, 80), to: (160, 80))
        return (start.trimmingTop(top), end.trimmingTop(top))
    }
}
