import PostgresNIO
import StrengthModel

extension PostgresStore {
    private func count(_ query: PostgresQuery) async throws -> Int {
        var value = 0
        for try await count in try await execute(query).decode(Int.self) { value = count }
        return value
    }

    private func knows(_ athlete: String) async throws -> Bool {
        try await count("SELECT count(*) FROM athlete WHERE id = \(athlete)") == 1
    }

    public func delete(athlete id: String) async throws -> AthleteChange? {
        try await serial.withLock {
            try await transaction {
                // Locked first, so a concurrent import cannot add to what is being erased.
                guard
                    try await count("SELECT count(*) FROM (SELECT 1 FROM athlete WHERE id = \(id) FOR UPDATE) AS a")
                        == 1
                else { return nil }
                try await bumpRevision()
                var change = AthleteChange()
                change.sessions = try await count("SELECT count(*) FROM session WHERE athlete = \(id)")
                change.tests = try await count("SELECT count(*) FROM measurement WHERE athlete = \(id)")
                try await execute(
                    """
                    CREATE TEMP TABLE erased_import ON COMMIT DROP AS
                    SELECT DISTINCT importId AS id FROM measurement WHERE athlete = \(id)
                    """)
                try await execute("DELETE FROM measurement WHERE athlete = \(id)")
                try await execute("DELETE FROM athlete WHERE id = \(id)")
                change.imports = try await count(
                    """
                    WITH gone AS (DELETE FROM import WHERE id IN (SELECT id FROM erased_import)
                      AND NOT EXISTS (SELECT 1 FROM measurement m WHERE m.importId = import.id) RETURNING 1)
                    SELECT count(*) FROM gone
                    """)
                return change
            }
        }
    }

    public func merge(athlete from: String, into: String) async throws -> AthleteChange? {
        try await serial.withLock {
            guard from != into else { return nil }
            return try await transaction {
                let known = try await count(
                    "SELECT count(*) FROM (SELECT 1 FROM athlete WHERE id IN (\(from), \(into)) FOR UPDATE) AS a")
                guard known == 2 else { return nil }
                var change = AthleteChange()
                change.conflicts = try await count(
                    """
                    SELECT count(*) FROM measurement f JOIN measurement t ON t.athlete = \(into) AND t.date = f.date
                      AND t.protocol = f.protocol AND t.trial = f.trial
                    WHERE f.athlete = \(from) AND abs(t.valueSI - f.valueSI) > 1e-9 * greatest(1, abs(t.valueSI))
                    """)
                // Two people's different results on one day are not one person: nothing is merged.
                guard change.conflicts == 0 else { return change }
                try await bumpRevision()
                change.duplicates = try await count(
                    """
                    WITH gone AS (DELETE FROM measurement f USING measurement t
                      WHERE f.athlete = \(from) AND t.athlete = \(into) AND t.date = f.date AND t.protocol = f.protocol
                      AND t.trial = f.trial RETURNING 1)
                    SELECT count(*) FROM gone
                    """)
                change.tests = try await count(
                    """
                    WITH moved AS (UPDATE measurement SET athlete = \(into) WHERE athlete = \(from) RETURNING 1)
                    SELECT count(*) FROM moved
                    """)
                // Session details: `into`'s stay, `from`'s fill its gaps, and a day only `from` had moves over.
                change.sessions = try await count(
                    """
                    WITH moved AS (INSERT INTO session (athlete, date, name, sex, age, bodyMassKg, sport, involvedSide,
                      aclReconstruction, sources)
                      SELECT \(into), date, name, sex, age, bodyMassKg, sport, involvedSide, aclReconstruction, sources
                      FROM session WHERE athlete = \(from)
                      \(unescaped: SessionFill.onConflict)
                      RETURNING 1)
                    SELECT count(*) FROM moved
                    """)
                try await execute("UPDATE athleteDetail SET athlete = \(into) WHERE athlete = \(from)")
                try await execute("DELETE FROM athlete WHERE id = \(from)")
                return change
            }
        }
    }

    public func record(_ details: AthleteDetails, athlete: String, on day: TestDate) async throws -> Bool {
        try await serial.withLock {
            try await transaction {
                guard try await knows(athlete) else { return false }
                try await bumpRevision()
                try await execute(
                    """
                    INSERT INTO athleteDetail (athlete, recordedOn, sex, birthDate, sport, involvedSide,
                    aclReconstruction, bodyMassKg) VALUES (\(athlete), \(day.description)::date,
                    \(details.sex?.rawValue), \(details.birthDate?.description)::date, \(details.sport),
                    \(details.storedInvolvedSide), \(details.aclReconstruction), \(details.bodyMassKg))
                    """)
                return true
            }
        }
    }
}
