import ArgumentParser
import Foundation
import StrengthAnalysis
import StrengthModel
import StrengthReport
import StrengthStore

struct AthletesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "athletes",
        abstract:
            "The athletes in the screening history: list them, record details, join two ids of one person, erase one.",
        subcommands: [List.self, SetDetails.self, Merge.self, Delete.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One line per stored athlete: id, name, squad, test days, tests, latest test, latest band.")

        @OptionGroup var store: StoreArgument
        @OptionGroup var profileOptions: ProfileArgument

        func run() async throws {
            let profile = try profileOptions.load()
            let (athletes, bands) = try await store.using { store in
                (try await store.athletes(), try await Self.latestBands(store, profile: profile))
            }
            guard !athletes.isEmpty else {
                print("No athletes stored yet: hqscreen import FILE... stores them.")
                return
            }
            let rows = athletes.map { a in
                [
                    a.id, a.name ?? "", a.squad ?? "", String(a.sessions), String(a.tests),
                    a.latestTest?.description ?? "", bands[a.id].map { $0?.rawValue ?? "" } ?? "",
                ].map(TerminalSafe.escape)
            }
            let header = ["id", "name", "squad", "test days", "tests", "latest test", "latest band"]
            let widths = header.indices.map { column in
                ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
            }
            for row in [header] + rows {
                var line = zip(row, widths).map { $0.0 + String(repeating: " ", count: $0.1 - $0.0.count) }
                    .joined(separator: "  ")
                while line.hasSuffix(" ") { line.removeLast() }
                print(line)
            }
        }

        /// Each athlete's latest band, as the report's team summary gives it: the stored history assessed
        /// athlete by athlete with `profile` (nil inside: the latest test gave no measure to judge).
        static func latestBands(_ store: any HistoryStore, profile: ThresholdProfile) async throws -> [String: Band?] {
            var stored = try await store.tests(athlete: nil, squad: nil, since: nil)
            var measurements: [StrengthModel.Measurement] = []
            swap(&measurements, &stored.measurements)
            let report = ScreeningReport.squad(
                importSummary: stored.summary, measurements: consume measurements, sessions: stored.sessions,
                analyzer: Analyzer(profile: profile), generator: "hqscreen \(HQScreen.version)")
            var bands: [String: Band?] = [:]
            for row in report.teamRows { bands[row.latest.athlete] = row.latest.worstBand }
            return bands
        }
    }

    struct SetDetails: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Record details an athlete's files lack; reports use them for every test they do not contradict.",
            discussion: """
                Sex, birth date (the age on each test day), sport, involved side and ACL reconstruction fill every \
                stored test day whose files left them out; a body mass fills test days on or after the day it was \
                recorded. What a file gives always wins.
                """)

        @Argument(help: "The athlete id.") var id: String
        @Option(help: "female or male.") var sex: SexArgument?
        @Option(help: ArgumentHelp("YYYY-MM-DD.", valueName: "date")) var birthDate: DateArgument?
        @Option(help: "The sport, e.g. soccer, rugby union, running.") var sport: String?
        @Option(help: "The injured or operated leg: left, right or none.") var involvedSide: InvolvedSideArgument?
        @Option(help: "Whether the involved knee had an ACL reconstruction: yes or no.")
        var aclReconstruction: YesNoArgument?
        @Option(help: ArgumentHelp("72.5kg, 72,5 or 160lb (kg when no unit).", valueName: "mass"))
        var bodyMass: BodyMassArgument?
        @Option(help: ArgumentHelp("The day the details were recorded (default: today).", valueName: "date"))
        var on: DateArgument?
        @OptionGroup var store: StoreArgument

        var details: AthleteDetails {
            AthleteDetails(
                sex: sex?.sex, birthDate: birthDate?.date,
                sport: sport?.trimmingCharacters(in: .whitespaces).nilIfEmpty, involvedSide: involvedSide.map(\.side),
                aclReconstruction: aclReconstruction?.value, bodyMassKg: bodyMass?.kilograms)
        }

        func validate() throws {
            if details.isEmpty {
                throw ValidationError(
                    "say what to record, e.g. --sex female, --birth-date 2001-05-17, --sport soccer, --body-mass 72kg")
            }
        }

        func run() async throws {
            let day = on?.date ?? .today()
            guard try await store.using({ try await $0.record(details, athlete: id, on: day) }) else {
                FileHandleOutput.standardError(
                    "hqscreen: no athlete \(TerminalSafe.escape(id)) in the store; `hqscreen athletes` lists them\n")
                throw ExitCode(1)
            }
            var said: [String] = []
            if let sex { said.append("sex \(sex.rawValue)") }
            if let birthDate { said.append("born \(birthDate.date)") }
            if let sport = details.sport { said.append("sport \(TerminalSafe.escape(sport))") }
            if let involvedSide { said.append("involved side \(involvedSide.rawValue)") }
            if let aclReconstruction { said.append("ACL reconstruction \(aclReconstruction.rawValue)") }
            if let kilograms = bodyMass?.kilograms {
                said.append("body mass \(Formatting.fixed(kilograms, digits: 1)) kg")
            }
            print("Recorded for \(TerminalSafe.escape(id)) on \(day): \(said.joined(separator: ", ")).")
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join two ids that are the same person: FROM's tests and test days become INTO's.")

        @Argument(help: "The id to fold in (it goes).") var from: String
        @Argument(help: "The id to keep.") var into: String
        @OptionGroup var store: StoreArgument

        func run() async throws {
            guard let change = try await store.using({ try await $0.merge(athlete: from, into: into) }) else {
                FileHandleOutput.standardError(
                    "hqscreen: merge needs two different stored ids; `hqscreen athletes` lists them\n")
                throw ExitCode(1)
            }
            if change.conflicts > 0 {
                FileHandleOutput.standardError(
                    "hqscreen: nothing merged: \(TextReport.plural(change.conflicts, "test")) of \(TerminalSafe.escape(from)) "
                        + "differ from \(TerminalSafe.escape(into))'s on the same day and protocol, so they are not one "
                        + "person's results\n")
                throw ExitCode(1)
            }
            var text =
                "Moved \(TextReport.plural(change.tests, "test")) and \(TextReport.plural(change.sessions, "test day")) "
                + "from \(TerminalSafe.escape(from)) to \(TerminalSafe.escape(into))"
            if change.duplicates > 0 { text += "; \(change.duplicates) already there with the same value, dropped" }
            print(text + "; \(TerminalSafe.escape(from)) is gone.")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a person and everything stored about them (an erasure request), and say what went.")

        @Argument(help: "The athlete id.") var id: String
        @OptionGroup var store: StoreArgument

        func run() async throws {
            guard let change = try await store.using({ try await $0.delete(athlete: id) }) else {
                FileHandleOutput.standardError(
                    "hqscreen: no athlete \(TerminalSafe.escape(id)) in the store; `hqscreen athletes` lists them\n")
                throw ExitCode(1)
            }
            print(
                "Erased \(TerminalSafe.escape(id)): \(TextReport.plural(change.tests, "test")), "
                    + "\(TextReport.plural(change.sessions, "test day")), and the records of "
                    + "\(TextReport.plural(change.imports, "import")) that held only their tests.")
        }
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
