import ArgumentParser
import StrengthReport
import StrengthStore

struct AthletesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "athletes",
        abstract: "The athletes in the screening history: list them, join two ids of one person, erase one.",
        subcommands: [List.self, Merge.self, Delete.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One line per stored athlete: id, name, squad, test days, tests, latest test.")

        @OptionGroup var store: StoreArgument

        func run() throws {
            let athletes = try store.open().athletes()
            guard !athletes.isEmpty else {
                print("No athletes stored yet: hqscreen import FILE... stores them.")
                return
            }
            let rows = athletes.map { a in
                [
                    a.id, a.name ?? "", a.squad ?? "", String(a.sessions), String(a.tests),
                    a.latestTest?.description ?? "",
                ].map(TerminalSafe.escape)
            }
            let header = ["id", "name", "squad", "test days", "tests", "latest test"]
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
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join two ids that are the same person: FROM's tests and test days become INTO's.")

        @Argument(help: "The id to fold in (it goes).") var from: String
        @Argument(help: "The id to keep.") var into: String
        @OptionGroup var store: StoreArgument

        func run() throws {
            guard let change = try store.open().merge(athlete: from, into: into) else {
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

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a person and everything stored about them (an erasure request), and say what went.")

        @Argument(help: "The athlete id.") var id: String
        @OptionGroup var store: StoreArgument

        func run() throws {
            guard let change = try store.open().delete(athlete: id) else {
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
