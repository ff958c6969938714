import CCairo
import StrengthReport

extension PDFCanvas {
    /// Paints a drawing at the cursor, scaled to `width` points, and moves the cursor below it.
    func paint(_ drawing: Drawing, width: Double? = nil, x: Double? = nil, advance: Bool = true) {
        let targetWidth = min(width ?? drawing.width, contentWidth)
        let scale = targetWidth / drawing.width
        let height = drawing.height * scale
        if advance { ensure(height) }
        let originX = x ?? margin
        cairo_save(cr)
        cairo_translate(cr, originX, y)
        cairo_scale(cr, scale, scale)
        paintScale = scale
        paintBox = (drawing.width, drawing.height)
        for shape in drawing.shapes { paint(shape) }
        paintScale = 1
        paintBox = nil
        cairo_restore(cr)
        if advance { y += height + 4 }
    }

    private func paint(_ shape: Drawing.Shape) {
        switch shape {
        case .rect(let x, let y, let width, let height, let fill, let stroke, let radius):
            guard width > 0, height > 0 else { return }
            if radius > 0 {
                roundedRect(x: x, y: y, width: width, height: height, radius: radius)
            } else {
                cairo_rectangle(cr, x, y, width, height)
            }
            setColour(fill)
            if let stroke {
                cairo_fill_preserve(cr)
                setColour(stroke)
                cairo_set_line_width(cr, 1)
                cairo_stroke(cr)
            } else {
                cairo_fill(cr)
            }
        case .line(let x1, let y1, let x2, let y2, let stroke, let width, let dashed):
            setColour(stroke)
            cairo_set_line_width(cr, width)
            if dashed {
                var pattern: [Double] = [4, 3]
                cairo_set_dash(cr, &pattern, 2, 0)
            }
            cairo_move_to(cr, x1, y1)
            cairo_line_to(cr, x2, y2)
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        case .circle(let cx, let cy, let r, let fill, let stroke, let width):
            cairo_new_sub_path(cr)
            cairo_arc(cr, cx, cy, r, 0, 2 * Double.pi)
            setColour(fill)
            if let stroke {
                cairo_fill_preserve(cr)
                setColour(stroke)
                cairo_set_line_width(cr, width)
                cairo_stroke(cr)
            } else {
                cairo_fill(cr)
            }
        case .polyline(let points, let stroke, let width):
            guard let first = points.first else { return }
            setColour(stroke)
            cairo_set_line_width(cr, width)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
            cairo_new_path(cr)
            cairo_move_to(cr, first.0, first.1)
            for point in points.dropFirst() { cairo_line_to(cr, point.0, point.1) }
            cairo_stroke(cr)
        case .text(let x, let y, let text, let size, let colour, let anchor, let bold):
            func start(width w: Double) -> Double {
                switch anchor {
                case .start: x
                case .middle: x - w / 2
                case .end: x - w
                }
            }
            // The HTML draws the text at its design size in a box that clips: it must fit there.
            setFont(size: size, bold: bold)
            let designWidth = self.width(of: text)
            if let box = paintBox {
                let designStart = start(width: designWidth)
                if designStart < -0.5 || designStart + designWidth > box.width + 0.5 || y > box.height + 0.5 {
                    recordOverflow(text)
                }
            }
            // Printed chart text stays readable: at least 8 pt on paper, whatever the chart's scale; text that
            // grows is kept inside the drawing rather than run into its neighbour.
            setFont(size: max(size, 8 / paintScale), bold: bold)
            let w = self.width(of: text)
            var left = start(width: w)
            if let box = paintBox, w <= box.width { left = min(max(left, 0), box.width - w) }
            setColour(colour)
            draw(text, x: left, baseline: y)
        }
    }
}
