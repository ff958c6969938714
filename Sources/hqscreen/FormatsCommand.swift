import ArgumentParser
import StrengthImport

struct FormatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formats", abstract: "List the input layouts HQScreen recognises, or write a mapping template.")

    @Option(help: "Write a starting mapping file for this CSV's layout (to standard output, or -o).")
    var template: String?

    @Option(name: .shortAndLong, help: "With --template: write the mapping here (atomically).")
    var output: String?

    func run() throws {
        if let template {
            let text: String
            do {
                text = try MappingTemplate.make(path: template)
            } catch {
                FileHandleOutput.standardError("hqscreen: \(template): \(error)\n")
                throw ExitCode(1)
            }
            try OutputArguments.deliver(to: output, inputs: InputFiles([template])) { try $0.write(text) }
            return
        }
        var lines = ["Input layouts (detected from the header; force one with --input-format NAME):"]
        let width = Importer.formats.map(\.name.count).max() ?? 0
        for format in Importer.formats {
            lines.append(
                "  \(format.name)\(String(repeating: " ", count: width - format.name.count))  \(format.summary)")
        }
        lines.append("")
        lines.append("Anything else: describe it in a mapping file (`hqscreen formats --template FILE` writes one)")
        lines.append("and read it with --mapping. Exercise names for gym apps: docs/input-formats.md.")
        try FileHandleOutput.standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
