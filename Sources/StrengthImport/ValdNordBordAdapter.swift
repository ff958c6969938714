import StrengthModel

/// VALD NordBord exports: the Hub CSV (`L Max Force (N)`, `R Max Force (N)`, one row per test) and
/// the External API dump (`leftMaxForce`, `rightMaxForce`, camelCase). A Nordic test is eccentric
/// knee-flexor force; `ISO Prone` is isometric. NordBord has no quadriceps, so it gives Nordic force
/// and left/right differences, not an H:Q ratio.
enum ValdNordBordAdapter: LayoutAdapter {
    static let name = "vald-nordbord"
    static let summary = "VALD NordBord Hub export or External API dump (left/right max force per test)"

    static func identify(_ header: [HeaderColumn]) -> Identification {
        let h = HeaderLookup(header)
        // ForceFrame shares the L/R force columns but has a Direction or inner/outer pairs.
        guard !h.has("direction", "innerleftmaxforce") else { return .no }
        if h.has("lmaxforce") || h.has("rmaxforce") {
            let (found, missing) = h.score([
                ("Name", ["name"]), ("Date UTC", ["dateutc", "date"]), ("Test", ["test"]),
                ("L Max Force (N)", ["lmaxforce"]), ("R Max Force (N)", ["rmaxforce"]),
            ])
            return .from(found: found, missing: missing, sure: 95)
        }
        if h.has("leftmaxforce") || h.has("rightmaxforce") {
            let (found, missing) = h.score([
                ("profileId", ["profileid"]), ("testDateUtc", ["testdateutc"]), ("testTypeName", ["testtypename"]),
                ("leftMaxForce", ["leftmaxforce"]), ("rightMaxForce", ["rightmaxforce"]),
            ])
            return .from(found: found, missing: missing, sure: 95)
        }
        return .no
    }

    static func makeExtractor(header: [HeaderColumn], context: ExtractionContext) throws(LayoutError)
        -> any RowExtractor
    {
        let h = HeaderLookup(header)
        let hub = h.has("lmaxforce")
        guard let date = hub ? h.column("dateutc", "date") : h.column("testdateutc"),
            let test = hub ? h.column("test") : h.column("testtypename"),
            let left = hub ? h.column("lmaxforce") : h.column("leftmaxforce"),
            let right = hub ? h.column("rmaxforce") : h.column("rightmaxforce"),
            let athlete = hub ? h.column("name") : h.column("profileid")
        else { throw LayoutError(message: "a NordBord export needs the athlete, date, test and left/right max force") }
        var roles: [ColumnRole: HeaderColumn] = [.date: date, .athlete: athlete]
        if hub { roles[.name] = athlete }
        guard
            let session = SessionColumns(
                roles: roles, fallbackAthlete: context.fallbackAthlete, options: context.options,
                decimalMark: context.decimalMark,
                fieldCount: FieldCountCheck(
                    header: header, usedColumns: [date.index, test.index, left.index, right.index]))
        else { throw LayoutError(message: "the header has no date column") }
        return PairedForceExtractor(
            session: session, decimalMark: context.decimalMark, test: test.index,
            sides: [
                .init(
                    side: .left, force: left.index, reps: (hub ? h.column("lreps") : h.column("leftrepetitions"))?.index
                ),
                .init(
                    side: .right, force: right.index,
                    reps: (hub ? h.column("rreps") : h.column("rightrepetitions"))?.index),
            ],
            reader: .nordBord)
    }
}

/// What a paired-force row measures, by the device's test vocabulary.
enum PairedTestReader {
    case nordBord
    case forceFrameHub(direction: Int, position: Int?)

    enum Classification {
        case measure(MuscleGroup, Contraction, TestMethod, angle: Double?)
        case skip(String)
    }

    func classify(_ test: String, _ record: CSVRecord) -> Classification {
        switch self {
        case .nordBord:
            let key = Vocabulary.key(test)
            if key.contains("nordic") { return .measure(.hamstrings, .eccentric, .nordic, angle: nil) }
            if key.contains("iso") || key.contains("prone") {
                return .measure(.hamstrings, .isometric, .isometricStation, angle: nil)
            }
            return .skip("not a Nordic or isometric knee-flexor test ('\(test)')")
        case .forceFrameHub(let direction, let position):
            let directionText = String(decoding: record[direction].trimmed, as: UTF8.self)
            guard let muscle = ValdForceFrameAdapter.knee(test: test, direction: directionText) else {
                return .skip("not a knee flexion or extension test ('\(test)')")
            }
            let angle = position.flatMap {
                ValdForceFrameAdapter.angle(fromPosition: String(decoding: record[$0].trimmed, as: UTF8.self))
            }
            return .measure(muscle, .isometric, .isometricStation, angle: angle)
        }
    }
}

/// Left and right force columns of one test, with their repetition counts.
struct SideForceColumns {
    var side: Side
    var force: Int
    var reps: Int?

    /// The sides with a real effort: a side with 0 repetitions holds sensor noise and is ignored.
    static func read(
        _ columns: [SideForceColumns], record: CSVRecord, decimalMark: DecimalMark,
        make: (Side, Double) -> Measurement
    ) -> Result<[Measurement], RowRejection> {
        var found: [Measurement] = []
        for column in columns {
            if let reps = column.reps, !record[reps].isMissingValue {
                guard let count = NumberParser.parse(record[reps], decimalMark: decimalMark) else {
                    return .failure(
                        RowRejection(
                            column: reps,
                            "repetitions '\(String(decoding: record[reps].trimmed, as: UTF8.self))' is not a number"))
                }
                if count == 0 { continue }
            }
            let cell = record[column.force]
            if cell.isMissingValue { continue }
            guard let newtons = NumberParser.parse(cell, decimalMark: decimalMark) else {
                return .failure(
                    RowRejection(
                        column: column.force,
                        NumberProblem.describe(String(decoding: cell.trimmed, as: UTF8.self), decimalMark: decimalMark))
                )
            }
            guard newtons >= 0 else {
                return .failure(RowRejection(column: column.force, "force \(newtons) N is negative"))
            }
            guard newtons > 0 else { continue }
            if let impossible = PlausibleRange.rejection(Quantity(newtons, .newton), column: column.force) {
                return .failure(impossible)
            }
            found.append(make(column.side, newtons))
        }
        return .success(found)
    }
}

/// Rows with a left and a right force for one test (NordBord, ForceFrame Hub).
struct PairedForceExtractor: RowExtractor {
    var session: SessionColumns
    let decimalMark: DecimalMark
    let test: Int
    let sides: [SideForceColumns]
    let reader: PairedTestReader

    var columnUses: ColumnUses {
        var uses = session.columnUses
        uses.add(test, "test name")
        uses.merge(SideForceColumns.uses(sides, muscle: "peak"))
        return uses
    }

    mutating func extract(_ record: CSVRecord, into sink: inout FileCollector) -> RowOutcome {
        let identity: SessionColumns.Identity
        do { identity = try session.read(record, into: &sink) } catch { return error.outcome }
        let testName = String(decoding: record[test].trimmed, as: UTF8.self)
        let muscle: MuscleGroup
        let contraction: Contraction
        let method: TestMethod
        let angle: Double?
        switch reader.classify(testName, record) {
        case .skip(let reason): return .skipped(reason: reason)
        case .measure(let m, let c, let t, let a): (muscle, contraction, method, angle) = (m, c, t, a)
        }
        let path = sink.path
        let result = SideForceColumns.read(sides, record: record, decimalMark: decimalMark) { side, newtons in
            Measurement(
                athleteNumber: identity.athleteNumber, date: identity.date, side: side, muscle: muscle,
                contraction: contraction,
                velocity: nil, angle: angle, value: Quantity(newtons, .newton), sourceUnit: .newton, method: method,
                source: SourceLocation(file: path, line: record.line))
        }
        switch result {
        case .failure(let rejection): return rejection.outcome
        case .success(let found):
            guard !found.isEmpty else { return .skipped(reason: "no repetitions on either side") }
            for m in found { sink.add(m, dateCell: identity.dateCell, provisional: identity.provisionalDate) }
            return .imported
        }
    }
}
