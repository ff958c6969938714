import Foundation
import StoreTestSupport
import Testing

@Suite("hqscreen import and report --db")
struct StoreCommandTests {
    static let samples = ["SampleData/team_long.csv", "SampleData/clinic_wide.csv"]

    @Test(
        "import twice stores each test once; the report from the store is the report from the files",
        arguments: StoreBackend.available)
    func workflow(_ backend: StoreBackend) async throws {
        let folder = try CLIRunner.freshFolder("store-workflow-\(backend)")
        let db = try await backend.freshLocation("workflow", in: folder)
        let first = try CLIRunner.run(["import"] + Self.samples + ["--db", db, "--squad", "firsts"])
        #expect(first.status == 0)
        #expect(
            first.stdout
                == "Imported 110 of 111 rows from 2 files: 1 skipped (details: hqscreen check).\n"
                + "Stored 146 new tests, 0 already stored, 0 conflicts in \(db).\n")
        let again = try CLIRunner.run(["import", "SampleData/team_long.csv", "--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("Stored 0 new tests, 106 already stored, 0 conflicts in \(db).\n"))
        for format in ["csv", "text"] {
            let fromFiles = try CLIRunner.run(
                ["report"] + Self.samples + ["--format", format, "--today", "2026-03-01"])
            let fromStore = try CLIRunner.run(["report", "--db", db, "--format", format, "--today", "2026-03-01"])
            #expect(fromStore.status == 0)
            #expect(fromStore.stdout == fromFiles.stdout, "\(format) from the store differs")
        }
        let squad = try CLIRunner.run(["report", "--db", db, "--squad", "firsts", "--format", "csv", "--no-bom"])
        #expect(squad.stdout.split(separator: "\r\n").count == 12)
        let one = try CLIRunner.run(["report", "--db", db, "--athlete", "A02", "--format", "csv", "--no-bom"])
        #expect(one.stdout.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("A02,") })
    }

    @Test("a different value for a stored test: both sources named, the stored value kept, exit 1")
    func conflict() throws {
        let folder = try CLIRunner.freshFolder("store-conflict")
        let db = folder.appendingPathComponent("history.sqlite").path
        let header = "athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm\n"
        let original = try CLIRunner.temporaryFile(
            "store-original.csv", header + "A1,2026-01-12,L,hamstrings,concentric,60,104\n")
        let edited = try CLIRunner.temporaryFile(
            "store-edited.csv", header + "A1,2026-01-12,L,hamstrings,concentric,60,99.5\n")
        #expect(try CLIRunner.run(["import", original, "--db", db]).status == 0)
        let result = try CLIRunner.run(["import", edited, "--db", db])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "hqscreen: conflict: A1 2026-01-12 left hamstrings concentric at 60°/s (isokinetic): stored 104.0 Nm "
                + "(\(original):2), this import 99.5 Nm (\(edited):2); kept the stored value\n")
    }

    @Test("check --db: the accounting of the stored imports the chosen tests came from, beside files' own")
    func checkStore() throws {
        let folder = try CLIRunner.freshFolder("store-check")
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try CLIRunner.run(["import", "SampleData/team_long.csv", "--db", db, "--squad", "firsts"]).status == 0)
        #expect(try CLIRunner.run(["import", "SampleData/clinic_wide.csv", "--db", db]).status == 0)
        let all = try CLIRunner.run(["check", "--db", db])
        #expect(all.status == 0)
        #expect(
            all.stdout == """
                SampleData/team_long.csv [generic-long]: 107 rows read, 106 imported, 1 skipped, 0 rejected (106 measurements)
                SampleData/clinic_wide.csv [generic-wide]: 4 rows read, 4 imported, 0 skipped, 0 rejected (40 measurements)
                Total: 111 rows read = 110 imported + 1 skipped + 0 rejected

                """)
        let squad = try CLIRunner.run(["check", "--db", db, "--squad", "firsts", "SampleData/runner/alex_strong.csv"])
        #expect(squad.status == 0)
        #expect(squad.stdout.hasPrefix("SampleData/team_long.csv [generic-long]: 107 rows read"))
        #expect(squad.stdout.contains("SampleData/runner/alex_strong.csv [strong]"))
        #expect(!squad.stdout.contains("clinic_wide"))
        let noStore = try CLIRunner.run(["check", "--squad", "firsts", "SampleData/team_long.csv"])
        #expect(noStore.status == 64)
        #expect(noStore.stderr.hasPrefix("Error: --squad and --since choose tests from the store: add --db\n"))
    }

    @Test("athletes: the list, an erasure that says what went, an unknown id")
    func athletes() throws {
        let folder = try CLIRunner.freshFolder("store-athletes")
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try CLIRunner.run(["import", "SampleData/clinic_wide.csv", "--db", db, "--squad", "club"]).status == 0)
        let list = try CLIRunner.run(["athletes", "--db", db])
        #expect(
            list.stdout == """
                id     name         squad  test days  tests  latest test  latest band
                P-101  Noor Haddad  club   2          20     2026-03-17   green
                P-102  Tom Becker   club   1          10     2026-02-03   red
                P-103  Ines Costa   club   1          10     2026-02-14   green

                """)
        let erased = try CLIRunner.run(["athletes", "delete", "P-102", "--db", db])
        #expect(erased.status == 0)
        #expect(
            erased.stdout
                == "Erased P-102: 10 tests, 1 test day, and the records of 0 imports that held only their tests.\n")
        let unknown = try CLIRunner.run(["athletes", "delete", "P-102", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "hqscreen: no athlete P-102 in the store; `hqscreen athletes` lists them\n")
    }

    @Test("athletes set records what the files lack, and the report uses it")
    func setDetails() throws {
        let folder = try CLIRunner.freshFolder("store-set")
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try CLIRunner.run(["import", "SampleData/clinic_wide.csv", "--db", db]).status == 0)
        let set = try CLIRunner.run([
            "athletes", "set", "P-101", "--sex", "female", "--birth-date", "2000-06-30", "--sport", "soccer", "--on",
            "2026-01-01", "--db", db,
        ])
        #expect(set.status == 0)
        #expect(set.stdout == "Recorded for P-101 on 2026-01-01: sex female, born 2000-06-30, sport soccer.\n")
        let report = try CLIRunner.run(["report", "--db", db, "--athlete", "P-101", "--today", "2026-04-01"])
        #expect(report.stdout.contains("━━ Noor Haddad (P-101) · 2026-03-17 · 65.1 kg · female · 25 years · soccer\n"))
    }

    @Test("export writes the generic long layout, which import reads back as the same tests")
    func export() throws {
        let folder = try CLIRunner.freshFolder("store-export")
        let db = folder.appendingPathComponent("history.sqlite").path
        #expect(try CLIRunner.run(["import", "SampleData/clinic_wide.csv", "--db", db]).status == 0)
        let csv = folder.appendingPathComponent("export.csv").path
        #expect(try CLIRunner.run(["export", "--db", db, "-o", csv, "--athlete", "P-102"]).status == 0)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(
            lines[0]
                == "athlete_id,name,date,sex,age,body_mass_kg,sport,involved_side,acl_reconstruction,side,muscle,"
                + "contraction,velocity_deg_s,angle,position,device,gravity_corrected,machine,training_log,set_type,reps,"
                + "value,unit")
        #expect(lines.count == 12)
        let back = try CLIRunner.run(["import", csv, "--db", db])
        #expect(back.stdout.hasSuffix("Stored 0 new tests, 10 already stored, 0 conflicts in \(db).\n"))
    }

    @Test("no files and no store: a usage error that says what to type")
    func nothing() throws {
        let folder = try CLIRunner.freshFolder("store-nothing")
        let result = try CLIRunner.run(
            ["report"], environment: ["HQSCREEN_DB": folder.appendingPathComponent("none.sqlite").path])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "name the CSV files to report on, or a screening history with --db (see `hqscreen import`)"))
    }

    /// A squad file of `athletes` × 3 test days, 8 tests each, `prefix` in every id.
    static func squadFile(_ name: String, prefix: String, athletes: Int) throws -> String {
        var lines = ["athlete_id,date,side,muscle,contraction,velocity_deg_s,peak_torque_nm"]
        for day in ["2026-01-12", "2026-02-23", "2026-04-06"] {
            for athlete in 0..<athletes {
                for side in ["L", "R"] {
                    for (muscle, velocity, torque) in [
                        ("quadriceps", 60, 200), ("hamstrings", 60, 110), ("quadriceps", 180, 150),
                        ("hamstrings", 180, 90),
                    ] {
                        lines.append(
                            "\(prefix)\(athlete),\(day),\(side),\(muscle),concentric,\(velocity),\(torque + athlete % 7)"
                        )
                    }
                }
            }
        }
        return try CLIRunner.temporaryFile(name, lines.joined(separator: "\n") + "\n")
    }

    static func storedTests(_ db: String) throws -> Int {
        let list = try CLIRunner.run(["athletes", "--db", db])
        // The tests are the column before the latest test's day (names, squads and bands may be empty).
        return list.stdout.split(separator: "\n").dropFirst().reduce(0) { total, line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let day = fields.lastIndex(where: { $0.count == 10 && $0.split(separator: "-").count == 3 }), day > 0
            else { return total }
            return total + (Int(fields[day - 1]) ?? 0)
        }
    }

    @Test("two imports at the same time both land, whole", arguments: StoreBackend.available)
    func concurrent(_ backend: StoreBackend) async throws {
        let folder = try CLIRunner.freshFolder("store-concurrent-\(backend)")
        let db = try await backend.freshLocation("concurrent", in: folder)
        let first = try Self.squadFile("concurrent-a.csv", prefix: "A", athletes: 300)
        let second = try Self.squadFile("concurrent-b.csv", prefix: "B", athletes: 300)
        let a = try SpawnedProcess(CLIRunner.binary.path, ["import", first, "--db", db])
        let b = try SpawnedProcess(CLIRunner.binary.path, ["import", second, "--db", db])
        #expect(a.wait().status == 0)
        #expect(b.wait().status == 0)
        #expect(try Self.storedTests(db) == 2 * 300 * 3 * 8)
    }

    @Test(
        "an import killed half-way leaves the store as it was, and the next one stores everything",
        arguments: StoreBackend.available)
    func killed(_ backend: StoreBackend) async throws {
        let folder = try CLIRunner.freshFolder("store-killed-\(backend)")
        let db = try await backend.freshLocation("killed", in: folder)
        #expect(try CLIRunner.run(["import", "SampleData/team_long.csv", "--db", db]).status == 0)
        let before = try Self.storedTests(db)
        let big = try Self.squadFile("killed.csv", prefix: "K", athletes: 3000)
        // How long a whole import takes here, so the kills land while reading and while writing.
        let started = Date()
        let scratch = try await backend.freshLocation("killed-scratch", in: folder)
        #expect(try CLIRunner.run(["import", big, "--db", scratch]).status == 0)
        let whole = Date().timeIntervalSince(started)
        for fraction in [0.3, 0.6, 0.85] {
            let process = try SpawnedProcess(CLIRunner.binary.path, ["import", big, "--db", db])
            usleep(useconds_t(whole * fraction * 1_000_000))
            kill(process.pid, SIGKILL)
            _ = process.wait()
            let after = try Self.storedTests(db)
            // All or nothing: the import is one transaction.
            #expect(after == before || after == before + 3000 * 3 * 8, "\(after) tests after a kill at \(fraction)")
        }
        #expect(try CLIRunner.run(["import", big, "--db", db]).status == 0)
        #expect(try Self.storedTests(db) == before + 3000 * 3 * 8)
    }
}
