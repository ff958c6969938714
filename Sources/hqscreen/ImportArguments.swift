import ArgumentParser
import Foundation
import StrengthImport
import StrengthModel

/// Options shared by every command that reads CSV files.
struct ImportArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("CSV files to read.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Stop at the first rejected row and exit with status 1.")
    var strict = false

    @Option(help: "Day/month order of dates: auto (decide per column), iso, dmy or mdy.")
    var dateFormat: DateOrder = .auto

    @Option(help: "Decimal mark of numbers: point or comma (default: sniffed per file).")
    var decimalMark: DecimalMarkArgument?

    @Option(help: "Unit for value columns whose header names none: Nm, ft-lb, N, kgf, lbf, kg or lb.")
    var unit: MeasurementUnit?

    @Option(
        help: ArgumentHelp(
            "Athlete id for files with no athlete column (default: the file name); with `report --db`, only this "
                + "athlete's stored tests."))
    var athlete: String?

    @Option(help: "Read every file with this layout instead of detecting it (see `hqscreen formats`).")
    var inputFormat: String?

    @Option(help: "A mapping file describing a layout HQScreen does not know (see `hqscreen formats --template`).")
    var mapping: String?

    @Option(
        help: ArgumentHelp(
            "Body mass for files that do not give one: a number of kg or lb, e.g. 72.5kg, 72,5 or 160lb (kg when no "
                + "unit; 15–300 kg).", valueName: "mass"))
    var bodyMass: BodyMassArgument?

    @Option(help: "Sex for files that do not give it: female or male (sets the machine-ratio and Nordic bands).")
    var sex: SexArgument?

    @Option(help: "Age in years for files that do not give it (the Nordic and asymmetry cut-offs are for adults).")
    var age: AgeArgument?

    @Option(
        help: "Sport for files that do not give it, e.g. soccer, rugby union, running (decides which cut-offs apply).")
    var sport: String?

    @Option(help: "Injured or operated leg for files that do not say: left, right or none (limb symmetry index).")
    var involvedSide: InvolvedSideArgument?

    @Option(
        help: "Whether the involved knee had an ACL reconstruction: yes or no (the 300°/s return-to-sport cut-off).")
    var aclReconstruction: YesNoArgument?

    @Option(help: "Test date (YYYY-MM-DD) for files that have none, such as hand-held dynamometer logs.")
    var date: DateArgument?

    @Option(help: "Unit of gym-app weights when the export does not name one: kg or lb.")
    var weightUnit: WeightUnitArgument?

    @Option(
        help: ArgumentHelp(
            "Map a gym exercise name to leg-curl, leg-extension or ignore, e.g. 'Pin curl=leg-curl' (repeatable).",
            valueName: "name=kind"))
    var exercise: [ExerciseArgument] = []

    func validate() throws {

        if let inputFormat, !Importer.formats.contains(where: { $0.name == inputFormat }) {
            let names = Importer.formats.map(\.name).joined(separator: ", ")
            throw ValidationError("unknown input format '\(inputFormat)'; choose one of: \(names)")
        }
    }

    /// Every file this command reads, so no output can overwrite one.
    var inputFiles: InputFiles { InputFiles(files + [mapping]) }

    func importer() throws -> Importer {
        var loaded: Mapping?
        if let mapping {
            guard let data = FileManager.default.contents(atPath: mapping) else {
                FileHandleOutput.standardError("hqscreen: cannot read the mapping file \(mapping)\n")
                throw ExitCode(1)
            }
            do {
                loaded = try Mapping.parse(String(decoding: data, as: UTF8.self), file: mapping)
            } catch {
                FileHandleOutput.standardError("hqscreen: \(error.description)\n")
                throw ExitCode(1)
            }
        }
        return Importer(
            options: ImportOptions(
                dateOrder: dateFormat, decimalMark: decimalMark?.mark, defaultUnit: unit, athlete: athlete,
                strict: strict, bodyMassKg: bodyMass?.kilograms, sex: sex?.sex, testDate: date?.date,
                weightUnit: weightUnit?.unit,
                exercises: Importer.exerciseOverrides(exercise.map { ($0.name, $0.kind) }),
                mapping: loaded, age: age?.years, sport: sport?.trimmingCharacters(in: .whitespaces),
                involvedSide: involvedSide?.side, aclReconstruction: aclReconstruction?.value),
            forcedFormat: inputFormat)
    }
}

enum DecimalMarkArgument: String, CaseInsensitiveArgument {
    case point
    case comma

    var mark: DecimalMark { self == .point ? .point : .comma }
}

extension DateOrder: CaseInsensitiveArgument {}

extension MeasurementUnit: ExpressibleByArgument {
    public init?(argument: String) { self.init(spelling: argument) }
}

struct BodyMassArgument: ExpressibleByArgument {
    var kilograms: Double

    init?(argument: String) {
        // A decimal comma (72,5) is as common on the command line as in the files.
        let text = argument.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: ",", with: ".")
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(digits), value > 0 else { return nil }
        let rest = text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        switch rest {
        case "", "kg", "kgs": kilograms = value
        case "lb", "lbs": kilograms = value * MeasurementUnit.pound.toSI
        default: return nil
        }
        guard (15...300).contains(kilograms) else { return nil }
    }
}

enum SexArgument: String, CaseInsensitiveArgument {
    case female
    case male

    var sex: Sex { self == .female ? .female : .male }
}

struct DateArgument: ExpressibleByArgument {
    var date: TestDate

    init?(argument: String) {
        guard let date = TestDate(iso: argument) else { return nil }
        self.date = date
    }
}

struct ExerciseArgument: ExpressibleByArgument {
    var name: String
    var kind: ExerciseKind

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "=") else { return nil }
        let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty,
            let kind = ExerciseKind(
                rawValue: String(argument[argument.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
        else { return nil }
        self.name = name
        self.kind = kind
    }
}

struct AgeArgument: ExpressibleByArgument {
    var years: Int

    init?(argument: String) {
        guard let years = Int(argument.trimmingCharacters(in: .whitespaces)), (5...110).contains(years) else {
            return nil
        }
        self.years = years
    }

    static var defaultValueDescription: String { "whole years, 5–110" }
}

enum InvolvedSideArgument: String, CaseInsensitiveArgument {
    case left
    case right
    case none

    var side: Side? {
        switch self {
        case .left: .left
        case .right: .right
        case .none: nil
        }
    }
}

enum YesNoArgument: String, CaseInsensitiveArgument {
    case yes
    case no

    var value: Bool { self == .yes }
}

enum WeightUnitArgument: String, CaseInsensitiveArgument {
    case kg
    case lb

    var unit: MeasurementUnit { self == .kg ? .kilogram : .pound }
}
