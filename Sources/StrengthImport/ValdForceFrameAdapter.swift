import StrengthModel

/// VALD ForceFrame exports: the Hub CSV (one row per test and `Direction`, L/R max force) and the
/// External API dump (inner/outer × left/right). Knee tests give isometric flexor and extensor
/// force for the isometric H:Q ratio; hip and shoulder tests are skipped and counted.
///
/// Which direction is flexion is not documented by VALD for knee tests: HQScreen reads a test whose
/// name says flexion or extension by its name, and otherwise takes Pull (Hub) or inner (API) as
/// flexion and Push/Squeeze or outer as extension. docs/input-formats.md says so.
enum ValdForceFrameAdapter: LayoutAdapter {
    static let name = "vald-forceframe"
    static let summary = "VALD ForceFrame Hub export or External API dump (knee tests; others skipped)"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let h = HeaderLookup(header)
        if h.has("direction") && h.has("lmaxforce") {
            let (found, missing) = h.score([
                ("Name", ["name"]), ("Date", ["date"]), ("Test", ["test"]), ("Direction", ["direction"]),
                ("L Max Force (N)", ["lmaxforce"]), ("R Max Force (N)", ["rmaxforce"]),
            ])
            return .from(found: found, missing: missing, sure: 95)
        }
        if h.has("innerleftmaxforce") || h.has("outerleftmaxforce") {
            let (found, missing) = h.score([
                ("testTypeName", ["testtypename"]), ("date", ["testdateutc", "modifieddateutc"]),
                ("innerLeftMaxForce", ["innerleftmaxforce"]), ("outerLeftMaxForce", ["outerleftmaxforce"]),
            ])
            return .from(found: found, missing: missing, sure: 95)
        }
        return .no
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        if h.has("direction") { return try hub(h, header: header, context: context) }
        return try api(h, header: header, context: context)
    }

    /// Knee muscle from the test name, else from the direction word.
    static func knee(test: String, direction: String) -> MuscleGroup? {
        let key = Vocabulary.key(test)
        guard key.contains("knee") || key.contains("hamstring") || key.contains("quad") else { return nil }
        let flexion = key.contains("flex") || key.contains("hamstring")
        let extensor = key.contains("ext") || key.contains("quad")
        if flexion != extensor { return flexion ? .hamstrings : .quadriceps }
        switch Vocabulary.key(direction) {
        case "pull", "inner", "flexion": return .hamstrings
        case "push", "squeeze", "outer", "extension": return .quadriceps
        default: return nil
        }
    }

    /// `Knee Extension - 90` → 90.
    static func angle(fromPosition text: String) -> Double? {
        let digits = text.reversed().prefix { $0.isNumber }
        return digits.isEmpty ? nil : Double(String(digits.reversed()))
    }

    private static func hub(_ h: HeaderLookup, header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        guard let date = h.column("date"), let test = h.column("test"), let direction = h.column("direction"),
            let left = h.column("lmaxforce"), let right = h.column("rmaxforce"), let athlete = h.column("name")
        else { throw LayoutError(message: "a ForceFrame export needs Name, Date, Test, Direction and L/R Max Force") }
        let position = h.column("position")?.index
        guard
            let session = SessionColumns(
                roles: [.date: date, .athlete: athlete, .name: athlete], fallbackAthlete: context.fallbackAthlete,
                options: context.options, decimalMark: context.decimalMark,
                fieldCount: FieldCountCheck(header: header, usedColumns: [date.index, test.index, left.index]))
        else { throw LayoutError(message: "the header has no date column") }
        return PairedForceExtractor(
            session: session, decimalMark: context.decimalMark, test: test.index,
            sides: [
                .init(side: .left, force: left.index, reps: h.column("lreps")?.index),
                .init(side: .right, force: right.index, reps: h.column("rreps")?.index),
            ],
            reader: .forceFrameHub(direction: direction.index, position: position))
    }

    private static func api(_ h: HeaderLookup, header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        guard let date = h.column("testdateutc", "modifieddateutc"), let test = h.column("testtypename"),
            let innerLeft = h.column("innerleftmaxforce"), let innerRight = h.column("innerrightmaxforce"),
            let outerLeft = h.column("outerleftmaxforce"), let outerRight = h.column("outerrightmaxforce")
        else {
            throw LayoutError(message: "a ForceFrame API dump needs testTypeName, a date and inner/outer max forces")
        }
        var roles: [ColumnRole: HeaderColumn] = [.date: date]
        if let athlete = h.column("profileid") { roles[.athlete] = athlete }
        guard
            let session = SessionColumns(
                roles: roles, fallbackAthlete: context.fallbackAthlete, options: context.options,
                decimalMark: context.decimalMark,
                fieldCount: FieldCountCheck(header: header, usedColumns: [date.index, test.index, outerRight.index]))
        else { throw LayoutError(message: "the header has no date column") }
        let position = h.column("testpositionname")?.index
        return InnerOuterExtractor(
            session: session, decimalMark: context.decimalMark, test: test.index, position: position,
            inner: [
                SideForceColumns(side: .left, force: innerLeft.index, reps: h.column("innerleftrepetitions")?.index),
                .init(side: .right, force: innerRight.index, reps: h.column("innerrightrepetitions")?.index),
            ],
            outer: [
                .init(side: .left, force: outerLeft.index, reps: h.column("outerleftrepetitions")?.index),
                .init(side: .right, force: outerRight.index, reps: h.column("outerrightrepetitions")?.index),
            ])
    }
}

/// ForceFrame API rows: the inner and outer pairs are two directions of one test.
struct InnerOuterExtractor: RowExtractor {
    var session: SessionColumns
    let decimalMark: DecimalMark
    let test: Int
    let position: Int?
    let inner: [SideForceColumns]
    let outer: [SideForceColumns]

    var columnUses: ColumnUses {
        var uses = session.columnUses
        uses.add(test, "test name")
        uses.add(position, "position (knee angle)")
        uses.merge(SideForceColumns.uses(inner, muscle: "inner (pull)"))
        uses.merge(SideForceColumns.uses(outer, muscle: "outer (push)"))
        return uses
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let identity: SessionColumns.Identity
        do { identity = try session.read(record, into: &sink) } catch { return error.outcome }
        let testName = String(decoding: record[test].trimmed, as: UTF8.self)
        let angle = position.flatMap {
            ValdForceFrameAdapter.angle(fromPosition: String(decoding: record[$0].trimmed, as: UTF8.self))
        }
        var found: [Measurement] = []
        let path = sink.path
        for (direction, columns) in [("inner", inner), ("outer", outer)] {
            guard let muscle = ValdForceFrameAdapter.knee(test: testName, direction: direction) else {
                return .skipped(reason: "not a knee flexion or extension test ('\(testName)')")
            }
            let result = SideForceColumns.read(columns, record: record, decimalMark: decimalMark) { side, newtons in
                Measurement(
                    athleteNumber: identity.athleteNumber, date: identity.date, side: side, muscle: muscle,
                    contraction: .isometric,
                    velocity: nil, angle: angle, value: Quantity(newtons, .newton), sourceUnit: .newton,
                    method: .isometricStation, source: SourceLocation(file: path, line: record.line))
            }
            switch result {
            case .failure(let rejection): return rejection.outcome
            case .success(let measurements): found += measurements
            }
        }
        guard !found.isEmpty else { return .skipped(reason: "no repetitions on either side") }
        for m in found { sink.add(m, dateCell: identity.dateCell, provisional: identity.provisionalDate) }
        return .imported
    }
}
