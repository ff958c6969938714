/// The report's stylesheet: readable on screen, and one athlete per printed page on A4 or Letter.
enum HTMLStyle {
    static func css(paper: Paper) -> String {
        """
        @page { size: \(paper.cssName); margin: 14mm 13mm; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1f2933; margin: 0;
          font-size: 10.5pt; line-height: 1.4; background: #fff; }
        main { max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
        @media screen and (min-width: 900px) { main { max-width: 1060px; } }
        h1 { font-size: 20pt; margin: 0 0 2mm; }
        h2 { font-size: 15pt; margin: 0; }
        h2 small { font-weight: normal; color: #616e7c; font-size: 10pt; }
        h3 { font-size: 11.5pt; margin: 5mm 0 2mm; border-bottom: 1px solid #cbd2d9; padding-bottom: 1mm; }
        .muted, .facts, .source { color: #616e7c; }
        .facts { margin: 1mm 0 3mm; }
        .note { font-size: 9pt; color: #616e7c; }
        .evidence { border-left: 3px solid #1c7ed6; padding: 2mm 3mm; background: #f1f6fd; font-size: 9.5pt; }
        .badge { display: inline-block; padding: 0 2.2mm; border-radius: 2mm; font-weight: bold; font-size: 8.5pt;
          color: #fff; letter-spacing: .02em; }
        .badge.red { background: #c92a2a; } .badge.amber { background: #e8a317; color: #1f2933; }
        .badge.green { background: #2f9e44; } .badge.info { background: #1c7ed6; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
        th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
        th { color: #616e7c; font-weight: normal; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        ul.findings { padding-left: 5mm; margin: 0; }
        ul.findings li { margin-bottom: 1.5mm; }
        ul.findings li.red::marker { color: #c92a2a; } ul.findings li.amber::marker { color: #e8a317; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 2mm 0; font-family: inherit; }
        .trends { display: flex; flex-wrap: wrap; gap: 4mm; }
        .trends svg.chart { width: 88mm; }
        section.athlete { break-before: page; page-break-before: always; }
        section.athlete:first-of-type { break-before: auto; page-break-before: auto; }
        .keep { break-inside: avoid; page-break-inside: avoid; }
        h3 { break-after: avoid; page-break-after: avoid; }
        tr, li { break-inside: avoid; page-break-inside: avoid; }
        .brief ul { padding-left: 5mm; margin: 1mm 0; }
        .sheet { border: 1px solid #cbd2d9; border-radius: 2mm; padding: 3mm 4mm; margin-top: 4mm;
          break-before: page; page-break-before: always; font-size: 9.3pt; line-height: 1.35; }
        .sheet h3 { margin-top: 0; }
        .dose { font-weight: bold; }
        .exercise { margin: 2mm 0 3mm; break-inside: avoid; page-break-inside: avoid; }
        .figures { display: flex; gap: 3mm; }
        .figures svg.figure { width: 40%; height: auto; display: block; border: 1px solid #e4e7eb; border-radius: 1.5mm; }
        .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; margin-top: 1.5mm; }
        .cols p { margin: 0 0 1mm; }
        .exercise h4 { margin: 0 0 1.5mm; font-size: 11pt; }
        .exercise ol, .exercise ul { margin: 1mm 0; padding-left: 5mm; }
        .ladder { font-size: 9pt; color: #616e7c; }
        .ladder b { color: #1f2933; }
        footer { margin-top: 6mm; font-size: 8.5pt; color: #616e7c; }
        .nowrap { white-space: nowrap; }
        .clinic { display: flex; align-items: center; gap: 3mm; color: #616e7c; margin-bottom: 2mm; }
        .clinic img.logo { max-height: 14mm; max-width: 50mm; }
        .signature { margin-top: 8mm; display: flex; gap: 4mm; align-items: flex-end; }
        .signature span { display: inline-block; border-bottom: 1px solid #1f2933; min-width: 55mm; }
        .scroll { overflow-x: auto; }
        .counts { font-weight: bold; margin: 0 0 2mm; }
        .overdue { color: #a61e4d; font-weight: bold; }
        .back { margin: 0 0 1mm; font-size: 9pt; }
        .back a, .team a { color: #1c7ed6; }
        @media (max-width: 600px) {
          main { padding: 4mm 3mm; }
          .cols { grid-template-columns: 1fr; }
          .figures svg.figure { width: 48%; }
          .trends svg.chart { width: 100%; }
          h1 { font-size: 16pt; }
        }
        @media print { main { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; }
          body { font-size: 9pt; line-height: 1.3; } table { font-size: 8.5pt; } th, td { padding: .7mm 1.5mm; }
          h3 { margin: 3.5mm 0 1.5mm; } ul.findings li { margin-bottom: .8mm; } .note, .evidence { font-size: 8.5pt; }
          .back { display: none; } .scroll { overflow: visible; }
          .team td.last small { white-space: nowrap; } }
        """
    }
}

/// Page sizes for printing.
public enum Paper: String, Sendable, CaseIterable {
    case a4
    case letter

    var cssName: String { self == .a4 ? "A4" : "Letter" }

    /// Width and height in PostScript points.
    public var points: (width: Double, height: Double) { self == .a4 ? (595.28, 841.89) : (612, 792) }
}
