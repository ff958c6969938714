import ArgumentParser
import StrengthImport
import StrengthModel

/// Options shared by every command that reads CSV files.
struct ImportArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV files to read.", valueName: "file"))
    var files: [String]

    @Flag(help: "Stop at the first rejected row and exit with status 1.")
    var strict = false

    @Option(help: "Day/month order of dates: auto (decide per column), iso, dmy or mdy.")
    var dateFormat: DateOrder = .auto

    @Option(help: "Decimal mark of numbers: point or comma (default: sniffed per file).")
    var decimalMark: DecimalMarkArgument?

    @Option(help: "Unit for value columns whose header names none: Nm, ft-lb, N, kgf, lbf, kg or lb.")
    var unit: MeasurementUnit?

    @Option(help: "Athlete id for files with no athlete column (default: the file name).")
    var athlete: String?

    @Option(help: "Read every file with this layout instead of detecting it (see `hqscreen formats`).")
    var inputFormat: String?

    func validate() throws {
        if let inputFormat, !Importer.formats.contains(where: { $0.name == inputFormat }) {
            let names = Importer.formats.map(\.name).joined(separator: ", ")
            throw ValidationError("unknown input format '\(inputFormat)'; choose one of: \(names)")
        }
    }

    var importer: Importer {
        Importer(
            options: ImportOptions(
                dateOrder: dateFormat, decimalMark: decimalMark?.mark, defaultUnit: unit, athlete: athlete,
                strict: strict),
            forcedFormat: inputFormat)
    }
}

enum DecimalMarkArgument: String, ExpressibleByArgument, CaseIterable {
    case point
    case comma

    var mark: DecimalMark { self == .point ? .point : .comma }
}

extension DateOrder: ExpressibleByArgument {}

extension MeasurementUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(spelling: argument) }
}
