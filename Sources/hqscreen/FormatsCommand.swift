import ArgumentParser
import StrengthImport

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the input layouts HQScreen recognises.")

    func run() throws {
        var lines = ["Input layouts (detected from the header; force one with --input-format NAME):"]
        let width = Importer.formats.map(\.name.count).max() ?? 0
        for format in Importer.formats {
            lines.append(
                "  \(format.name)\(String(repeating: " ", count: width - format.name.count))  \(format.summary)")
        }
        FileHandleOutput.standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
