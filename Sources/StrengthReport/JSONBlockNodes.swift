import StrengthAnalysis
import StrengthModel

// The per-assessment blocks as JSON nodes built directly, keys already in byte order, without going
// through `Encodable` — the generic encoding machinery was half of a squad's JSON time. Their
// `encode(to:)` stays: Foundation's encoding of it is the reference the JSON tests compare against.

extension JSONReport.AssessmentBlock: PrettyJSON.Direct {
    var jsonNode: PrettyJSON.Node {
        .fields([
            ("aclReconstruction", .flag(aclReconstruction)), ("age", .integer(age)), ("athlete", .string(athlete)),
            ("bodyMassKg", .number(bodyMassKg)), ("date", .string(date)), ("findings", .list(findings.map(\.jsonNode))),
            ("involvedSide", .text(involvedSide)), ("name", .text(name)),
            ("notes", .list(notes.map(PrettyJSON.Node.string))),
            ("program", .encoded(program)), ("sex", .text(sex)),
            ("sources", .list(sources.map(PrettyJSON.Node.string))),
            ("sport", .text(sport)),
            (
                "window",
                window.map { window in
                    .fields(
                        window.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
                            ($0.key, .string($0.value))
                        })
                } ?? .null
            ),
            ("workouts", .list(workouts.map(PrettyJSON.Node.string))), ("worstBand", .text(worstBand)),
        ])
    }
}

extension JSONReport.FindingBlock {
    var jsonNode: PrettyJSON.Node {
        let f = finding
        return .fields([
            ("angle", .number(f.angle)), ("band", .string(f.band.rawValue)),
            ("caveats", .list(f.caveats.map(PrettyJSON.Node.string))),
            ("change", f.change.map { JSONReport.ChangeBlock($0).jsonNode } ?? .null),
            ("confirmation", .text(f.confirmation?.rawValue)), ("contraction", .text(f.contraction?.rawValue)),
            ("exercise", .text(f.exercise)), ("inputs", .list(f.inputs.map { JSONReport.InputBlock($0).jsonNode })),
            ("measure", .string(f.measure.rawValue)),
            ("measurements", .list(f.measurements.map { JSONReport.MeasurementBlock($0).jsonNode })),
            (
                "missingDetails",
                .list(
                    f.missingDetails.map { .fields([("detail", .string($0.detail)), ("supply", .string($0.supply))]) })
            ),
            ("muscle", .text(f.muscle?.rawValue)), ("populationNote", .text(f.populationNote)),
            ("reason", .string(f.reason)), ("side", .text(f.side?.rawValue)),
            ("squadPercentile", .integer(f.squadPercentile)), ("squadSize", .integer(f.squadSize)),
            ("threshold", f.threshold.map { JSONReport.ThresholdBlock($0).jsonNode } ?? .null),
            ("value", .double(roundedForOutput(f.value, 4))), ("velocity", .number(f.velocity)),
            (
                "velocityPair",
                f.velocityPair.map {
                    .fields([("concentric", .double($0.concentric)), ("eccentric", .double($0.eccentric))])
                }
                    ?? .null
            ),
            ("weakerSide", .text(f.weakerSide?.rawValue)),
        ])
    }
}

extension JSONReport.ThresholdBlock {
    var jsonNode: PrettyJSON.Node {
        .fields([
            ("green", .number(threshold.green)), ("higherIsBetter", .bool(threshold.higherIsBetter)),
            ("population", .string(threshold.population)), ("red", .number(threshold.red)),
            ("source", .string(threshold.source)), ("unit", .string(threshold.unit)),
            ("velocity", .number(threshold.velocity)),
        ])
    }
}

extension JSONReport.InputBlock {
    var jsonNode: PrettyJSON.Node {
        .fields([("name", .string(name)), ("unit", .string(unit)), ("value", .double(value))])
    }
}

extension JSONReport.ChangeBlock {
    var jsonNode: PrettyJSON.Node {
        .fields([
            ("firstDate", .string(firstDate)), ("firstValue", .double(firstValue)), ("noise", .double(noise)),
            ("noiseSource", .string(noiseSource)), ("previousDate", .string(previousDate)),
            ("previousValue", .double(previousValue)), ("quadricepsDriven", .bool(quadricepsDriven)),
            ("sinceFirst", .double(sinceFirst)), ("sincePrevious", .double(sincePrevious)),
            ("verdictSinceFirst", .string(verdictSinceFirst)), ("verdictSincePrevious", .string(verdictSincePrevious)),
        ])
    }
}

extension JSONReport.MeasurementBlock {
    var jsonNode: PrettyJSON.Node {
        .fields([
            ("angle", .number(m.angle)), ("contraction", .string(m.contraction.rawValue)),
            ("date", .string(m.date.description)), ("dropSet", .bool(m.isDropSet)), ("file", .string(m.source.file)),
            ("gravityCorrected", .flag(m.gravityCorrected)), ("line", .integer(m.source.line)),
            ("machine", .text(m.machine?.rawValue)), ("method", .string(m.method.rawValue)),
            ("muscle", .string(m.muscle.rawValue)), ("position", .text(m.position?.rawValue)),
            ("repetitions", .integer(m.repetitions.map(Int.init))), ("side", .text(m.side?.rawValue)),
            ("sourceUnit", .string(m.sourceUnit.rawValue)),
            ("sourceValue", .double(roundedForOutput(m.valueInSourceUnit, 3))),
            ("unit", .string(m.value.dimension.siSymbol)), ("value", .double(roundedForOutput(m.value.si, 3))),
            ("velocity", .number(m.velocity)), ("warmUp", .bool(m.isWarmUp)),
        ])
    }
}

extension JSONReport.TeamSummaryBlock: PrettyJSON.Direct {
    var jsonNode: PrettyJSON.Node {
        .fields([
            (
                "counts",
                .fields(
                    counts.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map {
                        ($0.key, .integer($0.value))
                    })
            ),
            ("rows", .list(rows.map(\.jsonNode))), ("today", .string(today)),
        ])
    }
}

extension JSONReport.TeamSummaryBlock.Row {
    var jsonNode: PrettyJSON.Node {
        .fields([
            ("athlete", .string(athlete)), ("band", .text(band)), ("changeSincePrevious", .number(changeSincePrevious)),
            ("date", .string(date)), ("daysSinceTest", .integer(daysSinceTest)),
            ("decidingMeasure", .text(decidingMeasure)), ("decidingValue", .number(decidingValue)),
            ("deteriorated", .bool(deteriorated)), ("headline", .string(headline)), ("name", .text(name)),
            ("overdue", .bool(overdue)), ("previousBand", .text(previousBand)), ("previousDate", .text(previousDate)),
            ("retestDue", .string(retestDue)), ("tests", .integer(tests)),
        ])
    }
}
