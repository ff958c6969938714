import CCairo
import StrengthReport

#if canImport(Glibc)
    import Glibc
#endif

/// A cairo PDF surface written to memory, with a cursor that flows text down the page and starts
/// a new page when the next block does not fit.
final class PDFCanvas {
    let page: (width: Double, height: Double)
    let margin = 42.0
    var y: Double
    private var surface: OpaquePointer?
    private(set) var cr: OpaquePointer?
    private let sink = ByteSink()
    static let font = "DejaVu Sans"

    var contentWidth: Double { page.width - 2 * margin }
    var bottom: Double { page.height - margin }
    /// Who and when the current pages are about; printed at the top of every page after the cover,
    /// so a loose page can be returned to its owner.
    private(set) var pageLabel: String?
    private(set) var pageNumber = 1
    /// Known from a first, counting pass; nil during that pass.
    let totalPages: Int?
    /// Texts that did not fit their box even at the smallest size, for the tests: none should.
    private(set) var overflows: [String] = []
    /// The drawing being painted, so chart text that would fall outside it (and be cut off in the
    /// HTML, where a chart's box clips) is recorded as an overflow too.
    var paintBox: (width: Double, height: Double)?
    /// The scale a drawing is being painted at, so chart text never prints below 8 pt.
    var paintScale = 1.0

    /// A canvas that only lays out (for counting pages and measuring): nothing is kept or compressed.
    let measuring: Bool

    init(paper: Paper, totalPages: Int? = nil, measuring: Bool = false) {
        page = paper.points
        self.totalPages = totalPages
        self.measuring = measuring
        y = margin
        if measuring {
            // A one-pixel image: text is measured exactly as on the PDF (unhinted metrics, set below)
            // without writing and compressing a document nobody reads.
            surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        } else {
            let context = Unmanaged.passUnretained(sink).toOpaque()
            surface = cairo_pdf_surface_create_for_stream(ByteSink.write, context, page.width, page.height)
        }
        cr = cairo_create(surface)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }

    /// Finishes the document and returns its bytes; nil when cairo reports an error.
    func finish(title: String) -> [UInt8]? {
        if !measuring {
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "HQScreen")
            if let created = Self.reproducibleCreationDate {
                cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created)
            }
        }
        let status = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        cr = nil
        surface = nil
        guard status == CAIRO_STATUS_SUCCESS, surfaceStatus == CAIRO_STATUS_SUCCESS else { return nil }
        return sink.bytes
    }

    /// The reproducible-builds convention: with `SOURCE_DATE_EPOCH` set, the same input gives the same
    /// PDF bytes (cairo otherwise stamps the clock time), so reports can be compared and archived.
    static var reproducibleCreationDate: String? {
        guard let raw = getenv("SOURCE_DATE_EPOCH"), let seconds = Int(String(cString: raw)), seconds >= 0 else {
            return nil
        }
        var time = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil else { return nil }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))T"
            + "\(padded(parts.tm_hour, 2)):\(padded(parts.tm_min, 2)):\(padded(parts.tm_sec, 2))Z"
    }

    func newPage() {
        cairo_show_page(cr)
        pageNumber += 1
        y = margin
        furniture()
    }

    /// Labels the page being drawn, and those after it, without starting a new one.
    func label(_ label: String) {
        pageLabel = label
        furniture()
    }

    /// Starts a new page about someone else: the label is printed on it and on its overflow pages.
    func newPage(about label: String) {
        pageLabel = label
        newPage()
    }

    /// The header of a page: whose it is, the test date, and `page N of M`.
    private func furniture() {
        guard let pageLabel else { return }
        // The text being flowed onto the new page keeps its own font and colour.
        cairo_save(cr)
        defer { cairo_restore(cr) }
        setFont(size: 8)
        setColour(.muted)
        let number = "page \(pageNumber)" + (totalPages.map { " of \($0)" } ?? "")
        let numberWidth = width(of: number)
        draw(number, x: margin + contentWidth - numberWidth, baseline: margin - 14)
        let room = contentWidth - numberWidth - 12
        draw(fitted(pageLabel, width: room, size: 8), x: margin, baseline: margin - 14)
    }

    /// Starts a new page unless `height` more points fit on this one.
    func ensure(_ height: Double) {
        if y + height > bottom && y > margin { newPage() }
    }

    func skip(_ height: Double) { y += height }

    // MARK: Text

    func setFont(size: Double, bold: Bool = false) {
        cairo_select_font_face(
            cr, Self.font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    func width(of text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    func setColour(_ c: Colour) { cairo_set_source_rgb(cr, c.red, c.green, c.blue) }

    func draw(_ text: String, x: Double, baseline: Double) {
        cairo_move_to(cr, x, baseline)
        cairo_show_text(cr, text)
    }

    /// Greedy word wrap at the current font.
    func wrap(_ text: String, width: Double) -> [String] {
        // Each word is measured once: cairo's text advances add up, so a line's width is its words'
        // widths and the spaces between them (re-measuring the growing line was quadratic in its length).
        var lines: [String] = []
        var current = ""
        var currentWidth = 0.0
        let space = self.width(of: " ")
        for word in text.split(separator: " ") {
            let wordWidth = self.width(of: String(word))
            if !current.isEmpty && currentWidth + space + wordWidth > width {
                lines.append(current)
                current = String(word)
                currentWidth = wordWidth
            } else if current.isEmpty {
                current = String(word)
                currentWidth = wordWidth
            } else {
                current += " " + word
                currentWidth += space + wordWidth
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A paragraph at the cursor, moving to a new page between lines when needed.
    func paragraph(
        _ text: String, size: Double = 9.5, bold: Bool = false, colour: Colour = .ink, indent: Double = 0,
        bullet: Colour? = nil, spacing: Double = 4
    ) {
        setFont(size: size, bold: bold)
        let lineHeight = size * 1.38
        let lines = wrap(text, width: contentWidth - indent)
        for (i, line) in lines.enumerated() {
            ensure(lineHeight)
            if i == 0, let bullet { drawBullet(x: margin + indent - 7, y: y + size * 0.62, colour: bullet) }
            setColour(colour)
            draw(line, x: margin + indent, baseline: y + size)
            y += lineHeight
        }
        y += spacing
    }

    /// A round bullet as a shape of its own: a new path, so no line joins it to the text drawn before.
    func drawBullet(x: Double, y: Double, colour: Colour) {
        setColour(colour)
        bulletPath(x: x, y: y)
        cairo_fill(cr)
    }

    func bulletPath(x: Double, y: Double) {
        cairo_new_path(cr)
        cairo_arc(cr, x, y, 2.2, 0, 2 * Double.pi)
    }

    /// Draws `text` inside a box `width` wide: at `size`, or smaller (down to 6.5 pt) until it fits.
    /// Text is never cut; what does not fit even then is recorded, and the tests require none.
    func drawFitted(_ text: String, x: Double, baseline: Double, width box: Double, size: Double, bold: Bool = false) {
        var current = size
        setFont(size: current, bold: bold)
        while width(of: text) > box && current > 6.5 {
            current -= 0.25
            setFont(size: current, bold: bold)
        }
        if width(of: text) > box { overflows.append(text) }
        draw(text, x: x, baseline: baseline)
    }

    func recordOverflow(_ text: String) { overflows.append(text) }

    /// For the header line: the label shortened at a word boundary only when the page is far too
    /// narrow for it, which names of any sensible length never are.
    private func fitted(_ text: String, width box: Double, size: Double) -> String {
        guard width(of: text) > box else { return text }
        overflows.append(text)
        var shorter = text
        while !shorter.isEmpty && width(of: shorter + "…") > box { shorter.removeLast() }
        return shorter + "…"
    }

    /// A thin line to write on.
    func rule(x: Double, y: Double, width: Double) {
        setColour(.ink)
        cairo_set_line_width(cr, 0.6)
        cairo_new_path(cr)
        cairo_move_to(cr, x, y)
        cairo_line_to(cr, x + width, y)
        cairo_stroke(cr)
    }

    /// A PNG image at the cursor, at most `maxHeight` points high; an unreadable image is left out.
    func paintPNG(_ bytes: [UInt8], maxHeight: Double) {
        let reader = PNGBytes(bytes)
        let context = Unmanaged.passUnretained(reader).toOpaque()
        guard let image = cairo_image_surface_create_from_png_stream(PNGBytes.read, context) else { return }
        defer { cairo_surface_destroy(image) }
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS else { return }
        let width = Double(cairo_image_surface_get_width(image))
        let height = Double(cairo_image_surface_get_height(image))
        guard width > 0, height > 0 else { return }
        let scale = min(maxHeight / height, 160 / width)
        cairo_save(cr)
        cairo_translate(cr, margin, y)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
        y += height * scale + 4
    }

    func heading(_ text: String, size: Double = 12) {
        ensure(size * 3)
        y += size * 0.5
        paragraph(text, size: size, bold: true, spacing: 2)
        setColour(.rule)
        cairo_set_line_width(cr, 0.6)
        cairo_move_to(cr, margin, y)
        cairo_line_to(cr, margin + contentWidth, y)
        cairo_stroke(cr)
        y += 5
    }

    /// A rounded, filled label such as a band badge; returns its width.
    @discardableResult
    func badge(_ text: String, colour: Colour, x: Double, baseline: Double, size: Double = 7.5) -> Double {
        setFont(size: size, bold: true)
        let w = width(of: text) + 8
        setColour(colour)
        roundedRect(x: x, y: baseline - size - 1.5, width: w, height: size + 4.5, radius: 3)
        cairo_fill(cr)
        setColour(colour == .amber ? .ink : .paper)
        draw(text, x: x + 4, baseline: baseline)
        return w
    }

    func roundedRect(x: Double, y: Double, width: Double, height: Double, radius: Double) {
        let r = min(radius, width / 2, height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x + width - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(cr, x + width - r, y + height - r, r, 0, Double.pi / 2)
        cairo_arc(cr, x + r, y + height - r, r, Double.pi / 2, Double.pi)
        cairo_arc(cr, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
}

/// Collects the PDF bytes cairo streams out.
final class ByteSink {
    var bytes: [UInt8] = []

    static let write: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = {
        context, data, length in
        guard let context, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
}

/// Hands a PNG held in memory to cairo, a chunk at a time.
final class PNGBytes {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    static let read: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, UInt32) -> cairo_status_t =
        {
            context, data, length in
            guard let context, let data else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<PNGBytes>.fromOpaque(context).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            for i in 0..<count { data[i] = reader.bytes[reader.offset + i] }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
}
