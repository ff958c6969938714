import StrengthModel

/// The columns that say who was tested and when, shared by the generic layouts.
struct SessionColumns {
    let athlete: Int?
    let fallbackAthlete: String
    let name: Int?
    let date: Int
    let dateHeader: String
    let sex: Int?
    let age: Int?
    let bodyMass: (index: Int, unit: MeasurementUnit)?
    let sport: Int?
    let involvedSide: Int?
    let aclReconstruction: Int?
    let gravityCorrected: Int?
    let method: Int?
    let dateOrder: DateOrder
    let decimalMark: DecimalMark
    let fieldCount: FieldCountCheck

    private var athleteCache = LastStringCache()
    /// The `AthleteNames` number of the last athlete read, looked up only when the athlete changes.
    private var athleteNumber: (name: String, number: UInt32)?
    private var lastDateBytes: [UInt8] = []
    private var lastDate: (cell: DateCell, date: TestDate, provisional: Bool)?
    /// The athlete or date changed since the session details were last noted.
    private var sessionPending = true
    private var methodCache = SmallCache<TestMethod??>()
    private var unknownMethods: Set<String> = []
    /// The detail cells (name, sex, age, body mass, sport, involved side) of the row that last noted
    /// the session, so a later row of the same block that says otherwise is noticed too.
    private var notedDetails: [[UInt8]] = []
    /// Worked out once: every row compares its detail cells, and building the list made two arrays a row.
    private let detailColumns: [Int]
    private var gravityCache = SmallCache<Bool??>()

    /// Columns by role; the first column of each role wins.
    static func roles(in header: [HeaderColumn]) -> [ColumnRole: HeaderColumn] {
        var found: [ColumnRole: HeaderColumn] = [:]
        for column in header {
            guard let role = ColumnRole.of(column), found[role] == nil else { continue }
            found[role] = column
        }
        return found
    }

    init?(
        roles: [ColumnRole: HeaderColumn], fallbackAthlete: String, options: ImportOptions, decimalMark: DecimalMark,
        fieldCount: FieldCountCheck
    ) {
        guard let date = roles[.date] else { return nil }
        self.date = date.index
        self.dateHeader = date.text
        athlete = roles[.athlete]?.index
        self.fallbackAthlete = fallbackAthlete
        name = roles[.name]?.index
        sex = roles[.sex]?.index
        age = roles[.age]?.index
        if let mass = roles[.bodyMass] {
            let unit = mass.unit.flatMap { $0.dimension == .mass ? $0 : nil } ?? .kilogram
            bodyMass = (mass.index, unit)
        } else {
            bodyMass = nil
        }
        sport = roles[.sport]?.index
        involvedSide = roles[.involvedSide]?.index
        aclReconstruction = roles[.aclReconstruction]?.index
        gravityCorrected = roles[.gravityCorrected]?.index
        method = roles[.method]?.index
        dateOrder = options.dateOrder
        self.decimalMark = decimalMark
        self.fieldCount = fieldCount
        detailColumns = [name, sex, age, bodyMass?.index, sport, involvedSide, aclReconstruction].compactMap { $0 }
    }

    struct Identity {
        var athlete: String
        var athleteNumber: UInt32
        var dateCell: DateCell
        var date: TestDate
        /// The date reads either way and the column has not settled which yet.
        var provisionalDate: Bool
        var gravityCorrected: Bool?
        var method: TestMethod?
    }

    /// Checks the row's shape and reads who and when; a thrown rejection is the row's outcome.
    mutating func read(_ record: CSVRecord, into sink: inout FileCollector, allowExtraFields: Bool = false)
        throws(RowRejection) -> Identity
    {
        if let problem = fieldCount.check(record, allowExtraFields: allowExtraFields) { throw problem }
        let athleteName: String
        if let athlete {
            let cell = record[athlete].trimmed
            guard !cell.isEmpty else { throw RowRejection(column: athlete, "athlete is empty") }
            guard let text = athleteCache.string(for: cell) else {
                throw RowRejection(column: athlete, "athlete is not valid UTF-8 text")
            }
            athleteName = text.text
            if text.isNew { sessionPending = true }
        } else {
            athleteName = fallbackAthlete
        }
        sink.rowAthlete = athleteName

        let dateCell = record[date].trimmed
        let parsed: (cell: DateCell, date: TestDate, provisional: Bool)
        if let lastDate, dateCell.elementsEqual(lastDateBytes) {
            parsed = lastDate
        } else {
            parsed = try resolveDate(dateCell).get()
            lastDateBytes = Array(dateCell)
            lastDate = parsed
            sessionPending = true
            // The same cell again cannot change the column's verdict, so only new cells are observed.
            sink.dateOrder.observe(parsed.cell, line: record.line)
        }

        var gravity: Bool? = nil
        if let gravityCorrected {
            let cell = record[gravityCorrected].trimmed
            guard let reading = gravityCache.value(for: cell, compute: { Vocabulary.yesNo($0) }) else {
                throw
                    RowRejection(
                        column: gravityCorrected,
                        "gravity corrected '\(String(decoding: cell, as: UTF8.self))' is not yes, no or unknown")
            }
            gravity = reading
        }
        var testMethod: TestMethod? = nil
        if let method {
            let cell = record[method].trimmed
            if !cell.isEmpty {
                testMethod = methodCache.value(for: cell, compute: { Vocabulary.method($0) }) ?? nil
                // Device columns hold model names; one HQScreen does not know is said once, not guessed silently.
                if testMethod == nil, unknownMethods.count < 10 {
                    let name = String(decoding: cell, as: UTF8.self)
                    if unknownMethods.insert(name).inserted {
                        sink.report(
                            line: record.line, column: method + 1, severity: .info,
                            "test method '\(name)' is not one HQScreen knows (isokinetic, hand-held, nordic, "
                                + "isometric station, machine, or a device such as Biodex or NordBord); the method is "
                                + "taken from each value's unit (Nm: isokinetic, N: hand-held, kg: machine)")
                    }
                }
            }
        }

        if sessionPending || detailsChanged(record) {
            let key = SessionDraft.Key(athlete: athleteName, date: parsed.cell)
            if let rejection = noteSession(record, key: key, into: &sink) { throw rejection }
            sessionPending = false
            notedDetails = detailColumns.map { Array(record[$0].trimmed) }
        }
        let number: UInt32
        if let athleteNumber, athleteNumber.name == athleteName {
            number = athleteNumber.number
        } else {
            number = AthleteNames.number(athleteName)
            athleteNumber = (athleteName, number)
        }
        return Identity(
            athlete: athleteName, athleteNumber: number, dateCell: parsed.cell, date: parsed.date,
            provisionalDate: parsed.provisional,
            gravityCorrected: gravity, method: testMethod)
    }

    /// True when a detail cell differs from the row that noted the session; a few byte compares a row.
    private func detailsChanged(_ record: CSVRecord) -> Bool {
        guard !notedDetails.isEmpty else { return false }
        for (i, column) in detailColumns.enumerated() where !record[column].trimmed.elementsEqual(notedDetails[i]) {
            return true
        }
        return false
    }

    /// Reads a date cell. A date whose day and month could swap (03/04/2024) is kept month-first
    /// and marked provisional until the whole column has been seen; it is always a real date
    /// either way, since both parts are 12 or less.
    private func resolveDate(_ bytes: UnsafeRawBufferPointer) -> Result<
        (cell: DateCell, date: TestDate, provisional: Bool), RowRejection
    > {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !bytes.isEmpty else { return .failure(RowRejection(column: date, "date is empty")) }
        guard let cell = DateCell.parse(bytes) else {
            return .failure(
                RowRejection(
                    column: date, "date '\(text)' is not a date (expected YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY)"))
        }
        let resolved: TestDate?
        var provisional = false
        switch dateOrder {
        case .iso:
            guard cell.shape == .yearFirst else {
                return .failure(RowRejection(column: date, "date '\(text)' is not YYYY-MM-DD (--date-format iso)"))
            }
            resolved = cell.resolve(dayFirst: false)
        case .dayMonthYear, .monthDayYear:
            let dayFirst = dateOrder == .dayMonthYear
            resolved = cell.resolve(dayFirst: dayFirst)
            if resolved == nil && cell.shape == .yearLast {
                return .failure(
                    RowRejection(
                        column: date,
                        "date '\(text)' does not exist when read \(dayFirst ? "day-first" : "month-first")"))
            }
        case .auto:
            provisional = cell.isOrderDependent
            resolved = cell.resolve(columnDayFirst: false)
        }
        guard let resolved else { return .failure(RowRejection(column: date, "date '\(text)' does not exist")) }
        return .success((cell, resolved, provisional))
    }

    private func noteSession(_ record: CSVRecord, key: SessionDraft.Key, into sink: inout FileCollector)
        -> RowRejection?
    {
        var draft = SessionDraft(athlete: key.athlete, date: key.date, line: record.line)
        func text(_ column: Int?) -> String? {
            guard let column, let value = record.string(column)?.trimmingSpaces, !value.isEmpty else { return nil }
            return value
        }
        draft.name = text(name)
        draft.sport = text(sport)
        if let value = text(sex) {
            guard let parsed = Vocabulary.sex(value) else {
                return RowRejection(column: sex!, "sex '\(value)' is not female or male (F/M)")
            }
            draft.sex = parsed
        }
        if let value = text(age) {
            guard let years = Int(value), (5...110).contains(years) else {
                return RowRejection(column: age!, "age '\(value)' is not a whole number of years between 5 and 110")
            }
            draft.age = years
        }
        if let bodyMass, !record[bodyMass.index].isMissingValue {
            guard let value = NumberParser.parse(record[bodyMass.index], decimalMark: decimalMark) else {
                return RowRejection(
                    column: bodyMass.index,
                    "body mass '\(String(decoding: record[bodyMass.index], as: UTF8.self))' is not a number")
            }
            let kg = value * bodyMass.unit.toSI
            guard (15...300).contains(kg) else {
                return RowRejection(
                    column: bodyMass.index,
                    "body mass \(PlausibleRange.text(value)) \(bodyMass.unit.rawValue) is outside 15–300 kg")
            }
            draft.bodyMassKg = kg
        }
        if let value = text(involvedSide) {
            let k = Vocabulary.key(value)
            if !["none", "no", "n", "na", "neither", "healthy", "0"].contains(k) {
                guard let side = Vocabulary.side(value) else {
                    return RowRejection(column: involvedSide!, "involved side '\(value)' is not left, right or none")
                }
                draft.involvedSide = side
            }
        }
        if let value = text(aclReconstruction) {
            guard let reading = Vocabulary.yesNo(value) else {
                return RowRejection(
                    column: aclReconstruction!, "ACL reconstruction '\(value)' is not yes, no or unknown")
            }
            draft.aclReconstruction = reading
        }
        sink.noteSession(draft)
        return nil
    }
}

/// Why a row was rejected; `column` is 0-based here and reported 1-based.
struct RowRejection: Error {
    var column: Int?
    var reason: String

    init(column: Int?, _ reason: String) {
        self.column = column
        self.reason = reason
    }

    var outcome: RowOutcome { .rejected(column: column.map { $0 + 1 }, reason: reason) }
}
