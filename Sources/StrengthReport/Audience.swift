import StrengthAnalysis
import StrengthModel

/// Who a report is for. The clinician's report has every measure, source, note and the history; the
/// athlete's handout says what was found in plain words, shows one trend, and gives the program.
public enum Audience: String, Sendable, CaseIterable {
    case clinician
    case athlete
}

/// The handout's words, shared by every format.
public enum Handout {
    /// One sentence per flagged finding, most severe first, or one saying all is well.
    public static func found(_ a: Assessment) -> [(band: Band, text: String)] {
        let flagged = a.findings.filter { $0.band == .red || $0.band == .amber }
            .sorted { $0.band.severity > $1.band.severity }
        if flagged.isEmpty {
            return [
                (
                    .green,
                    a.findings.contains { $0.band == .green }
                        ? "Every measure with a cut-off is in the usual range: keep your hamstrings strong."
                        : "None of these tests has a cut-off that applies to you, so nothing is flagged; the program "
                            + "below keeps your hamstrings strong."
                )
            ]
        }
        // The reasons already carry the measure's plain name next to its short one; the formula is for clinicians.
        return flagged.map { ($0.band, withoutFormula($0.reason)) }
    }

    /// The reason without its `Formula: …` sentence.
    static func withoutFormula(_ reason: String) -> String {
        guard let start = reason.range(of: " Formula: ") else { return reason }
        let rest = reason[start.upperBound...]
        guard let end = rest.range(of: "100.") else { return reason }
        return String(reason[..<start.lowerBound] + rest[end.upperBound...])
    }

    /// The one trend a handout shows: the measure that decided the latest band, if it has history.
    public static func trend(latest: Assessment, history: [Assessment]) -> TrendSeries? {
        let series = TrendSeries.series(latest: latest, history: history)
        guard let deciding = ScreeningReport.TeamRow.deciding(latest) else { return series.first }
        return series.first { $0.label == FindingText.label(deciding) } ?? series.first
    }

    public static let note =
        "A flag is a training target, not a diagnosis: these numbers describe your strength today, and they are "
        + "weak predictors of injury on their own."
}
