import StrengthModel

/// Writes a drawing as inline SVG, escaping every text.
public enum SVGWriter {
    public static func svg(_ d: Drawing, className: String = "chart") -> String {
        let w = number(d.width)
        let h = number(d.height)
        var out =
            "<svg class=\"\(className)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" "
            + "height=\"\(h)\" role=\"img\" aria-label=\"\(HTMLText.escape(d.title))\"><title>\(HTMLText.escape(d.title))</title>"
        for shape in d.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill, let stroke, let radius):
                out +=
                    "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\""
                if radius > 0 { out += " rx=\"\(number(radius))\"" }
                out += " fill=\"\(fill.hex)\""
                if let stroke { out += " stroke=\"\(stroke.hex)\"" }
                out += "/>"
            case .line(let x1, let y1, let x2, let y2, let stroke, let width, let dashed):
                out +=
                    "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" "
                    + "stroke=\"\(stroke.hex)\" stroke-width=\"\(number(width))\""
                    + (dashed ? " stroke-dasharray=\"4 3\"" : "")
                    + "/>"
            case .circle(let cx, let cy, let r, let fill, let stroke, let width):
                out += "<circle cx=\"\(number(cx))\" cy=\"\(number(cy))\" r=\"\(number(r))\" fill=\"\(fill.hex)\""
                if let stroke { out += " stroke=\"\(stroke.hex)\" stroke-width=\"\(number(width))\"" }
                out += "/>"
            case .polyline(let points, let stroke, let width):
                let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
                out +=
                    "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke.hex)\" stroke-width=\"\(number(width))\" "
                    + "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
            case .text(let x, let y, let text, let size, let colour, let anchor, let bold):
                out +=
                    "<text x=\"\(number(x))\" y=\"\(number(y))\" font-size=\"\(number(size))\" fill=\"\(colour.hex)\""
                if anchor != .start { out += " text-anchor=\"\(anchor.rawValue)\"" }
                if bold { out += " font-weight=\"bold\"" }
                out += ">\(HTMLText.escape(text))</text>"
            }
        }
        return out + "</svg>"
    }

    /// Two decimals at most, no trailing zeros: compact and locale-free.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(saturating: rounded)) }
        return String(rounded)
    }
}

/// Escapes text for HTML content and attribute values.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
