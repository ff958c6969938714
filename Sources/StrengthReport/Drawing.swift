import StrengthModel

/// A picture as a list of shapes, so the HTML (SVG) and PDF (cairo) renderers draw the same
/// charts and illustrations without either computing them.
public struct Drawing: Sendable {
    public enum Anchor: String, Sendable { case start, middle, end }

    public enum Shape: Sendable {
        case rect(
            x: Double, y: Double, width: Double, height: Double, fill: Colour, stroke: Colour? = nil, radius: Double = 0
        )
        case line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: Colour, width: Double, dashed: Bool = false)
        case circle(cx: Double, cy: Double, r: Double, fill: Colour, stroke: Colour? = nil, width: Double = 1)
        case polyline(points: [(Double, Double)], stroke: Colour, width: Double)
        case text(
            x: Double, y: Double, text: String, size: Double, colour: Colour, anchor: Anchor = .start,
            bold: Bool = false)
    }

    public var width: Double
    public var height: Double
    /// Read aloud by screen readers and shown when images are off.
    public var title: String
    public var shapes: [Shape] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    mutating func add(_ shape: Shape) { shapes.append(shape) }

    /// The same picture moved up by `dy` and `dy` shorter, to trim empty space at the top.
    func trimmingTop(_ dy: Double) -> Drawing {
        var out = Drawing(width: width, height: height - dy, title: title)
        out.shapes = shapes.map { shape in
            switch shape {
            case .rect(let x, let y, let w, let h, let fill, let stroke, let radius):
                .rect(x: x, y: y - dy, width: w, height: h, fill: fill, stroke: stroke, radius: radius)
            case .line(let x1, let y1, let x2, let y2, let stroke, let width, let dashed):
                .line(x1: x1, y1: y1 - dy, x2: x2, y2: y2 - dy, stroke: stroke, width: width, dashed: dashed)
            case .circle(let cx, let cy, let r, let fill, let stroke, let width):
                .circle(cx: cx, cy: cy - dy, r: r, fill: fill, stroke: stroke, width: width)
            case .polyline(let points, let stroke, let width):
                .polyline(points: points.map { ($0.0, $0.1 - dy) }, stroke: stroke, width: width)
            case .text(let x, let y, let text, let size, let colour, let anchor, let bold):
                .text(x: x, y: y - dy, text: text, size: size, colour: colour, anchor: anchor, bold: bold)
            }
        }
        return out
    }
}

/// The report's palette: band colours chosen to stay distinguishable in greyscale print.
public struct Colour: Sendable, Equatable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(_ hex: UInt32) {
        red = Double((hex >> 16) & 0xFF) / 255
        green = Double((hex >> 8) & 0xFF) / 255
        blue = Double(hex & 0xFF) / 255
    }

    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for channel in [red, green, blue] {
            let value = Swift.min(255, Swift.max(0, Int(saturating: (channel * 255).rounded())))
            out.append(digits[value / 16])
            out.append(digits[value % 16])
        }
        return out
    }

    public static let ink = Colour(0x1F2933)
    public static let muted = Colour(0x616E7C)
    public static let rule = Colour(0xCBD2D9)
    public static let paper = Colour(0xFFFFFF)
    public static let green = Colour(0x2F9E44)
    public static let amber = Colour(0xE8A317)
    public static let red = Colour(0xC92A2A)
    public static let info = Colour(0x1C7ED6)
    public static let greenZone = Colour(0xD3F0D9)
    public static let amberZone = Colour(0xFBEBC5)
    public static let redZone = Colour(0xF6D5D5)
    public static let left = Colour(0x364FC7)
    public static let right = Colour(0xD9480F)
    public static let body = Colour(0x3B4A5A)
    public static let furniture = Colour(0xA9B4C0)

    public static func band(_ band: String) -> Colour {
        switch band {
        case "red": .red
        case "amber": .amber
        case "green": .green
        default: .info
        }
    }
}
