import StrengthAnalysis
import StrengthModel

#if canImport(Glibc)
    import Glibc
#endif

/// CSV cells that repeat from row to row across a squad — the largest difference's label, the lists of
/// sources, populations and missing details — made once per thread and reused: a cache per athlete
/// (what the row writer had) missed on most of a squad's rows, as an athlete has a few sessions and
/// each made its label and lists again (2.5 % of a squad summary).
///
/// One per thread, so no lock and no shared count: every report thread renders its own athletes.
/// Bounded: the labels are cleared when they reach `maxLabels`, and each list keeps its last few.
final class RepeatedCells {
    static let maxLabels = 256
    static let listsKept = 8

    /// What a difference's label is made of.
    struct LabelSource: Hashable {
        var measure: Measure
        var muscle: MuscleGroup?
        var contraction: Contraction?
        var method: TestMethod?
        var velocity: Double?
        var angle: Double?

        init(_ f: Finding) {
            (measure, muscle, contraction) = (f.measure, f.muscle, f.contraction)
            (method, velocity, angle) = (f.firstMeasurement?.method, f.velocity, f.angle)
        }

        /// By the cases' numbers: the enums have String raw values, and the hash a raw value gives
        /// hashed four strings a row.
        func hash(into hasher: inout Hasher) {
            let (measure, muscle) = (HashingBits.caseByte(measure), HashingBits.caseByte(muscle))
            let (contraction, method) = (HashingBits.caseByte(contraction), HashingBits.caseByte(method))
            hasher.combine(measure << 24 | muscle << 16 | contraction << 8 | method)
            hasher.combine(HashingBits.bits(velocity))
            hasher.combine(HashingBits.bits(angle))
        }
    }

    private var labels: [LabelSource: String] = [:]
    /// Per list column, the items and cells last made, the latest last.
    private var lists = [[(items: [String], cell: String)]](
        repeating: [], count: CSVSummary.RowWriter.List.allCases.count)

    /// The label cell of `finding`, escaped for CSV.
    func label(_ finding: Finding) -> String {
        let source = LabelSource(finding)
        if let cell = labels[source] { return cell }
        if labels.count >= Self.maxLabels { labels.removeAll(keepingCapacity: true) }
        let cell = CSVSummary.text(FindingText.label(finding))
        labels[source] = cell
        return cell
    }

    /// The cell of a list column: its items joined with `; `, escaped for CSV.
    func list(_ items: [String], as list: CSVSummary.RowWriter.List) -> String {
        let slot = list.rawValue
        if let kept = lists[slot].lastIndex(where: { $0.items == items }) { return lists[slot][kept].cell }
        if lists[slot].count >= Self.listsKept { lists[slot].removeFirst() }
        let cell = CSVSummary.text(items.joined(separator: "; "))
        lists[slot].append((items, cell))
        return cell
    }

    /// This thread's cells, made on its first row.
    static var ofThisThread: RepeatedCells {
        if let held = pthread_getspecific(threadKey) {
            return Unmanaged<RepeatedCells>.fromOpaque(held).takeUnretainedValue()
        }
        let cells = RepeatedCells()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cells).toOpaque())
        return cells
    }

    /// Released when its thread ends.
    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let made = pthread_key_create(&key) { held in
            if let held { Unmanaged<RepeatedCells>.fromOpaque(held).release() }
        }
        precondition(made == 0, "no thread-local key for the CSV cells: \(made)")
        return key
    }()
}
