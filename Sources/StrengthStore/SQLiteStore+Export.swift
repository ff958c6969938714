import GRDB
import StrengthModel

extension SQLiteStore {
    public func export(athlete: String?, squad: String?, to emit: (String) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: [String] = []
        if let athlete {
            conditions.append("m.athlete = ?")
            arguments.append(athlete)
        }
        if let squad {
            conditions.append("a.squad = ?")
            arguments.append(squad)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        try emit(ExportedTest.columns.joined(separator: ",") + "\r\n")
        try pool.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT m.*, a.name AS athleteName, s.name AS sessionName, s.sex, s.age, s.bodyMassKg, s.sport,
                    s.involvedSide, s.aclReconstruction
                    FROM measurement m JOIN athlete a ON a.id = m.athlete
                    LEFT JOIN session s ON s.athlete = m.athlete AND s.date = m.date
                    \(filter) ORDER BY m.athlete, m.date, m.protocol, m.trial
                    """, arguments: StatementArguments(arguments))
            var batch = ""
            while let row = try rows.next() {
                batch += Self.exportedTest(row).line
                if batch.utf8.count >= 1 << 20 {
                    try emit(batch)
                    batch = ""
                }
            }
            try emit(batch)
        }
    }

    static func exportedTest(_ row: Row) -> ExportedTest {
        ExportedTest(
            athlete: row["athlete"], name: (row["sessionName"] as String?) ?? (row["athleteName"] as String?),
            date: row["date"], sex: row["sex"],
            age: row["age"], bodyMassKg: row["bodyMassKg"], sport: row["sport"], involvedSide: row["involvedSide"],
            aclReconstruction: row["aclReconstruction"], side: row["side"], muscle: row["muscle"],
            contraction: row["contraction"], velocity: row["velocity"], angle: row["angle"], position: row["position"],
            method: row["method"], gravityCorrected: row["gravityCorrected"], machine: row["machine"],
            trainingLog: row["trainingLog"], warmUp: row["warmUp"], dropSet: row["dropSet"],
            repetitions: row["repetitions"], valueSI: row["valueSI"], sourceUnit: row["sourceUnit"])
    }
}
