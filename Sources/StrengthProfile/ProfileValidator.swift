import StrengthAnalysis

/// Checks that the numbers of a profile make sense together, pointing at the key that does not.
enum ProfileValidator {
    static func validate(_ p: ThresholdProfile, root: NodeReader) throws(ProfileError) {
        func fail(_ path: String, _ message: String) throws(ProfileError) {
            throw ProfileError(file: root.file, line: line(of: path, in: root), key: path, message: message)
        }
        if !(0...10).contains(p.velocityTolerance) { try fail("velocityTolerance", "must be between 0 and 10 deg/s") }
        if p.conventional.isEmpty {
            try fail("conventional", "must have at least one row: a conventional ratio needs a cut-off to band it")
        }
        for (key, rows) in [
            ("conventionalReference", p.conventionalReference), ("functionalReference", p.functionalReference),
        ] {
            for (i, row) in rows.enumerated() {
                if !(1...1000).contains(row.velocity) { try fail("\(key)[\(i)].velocity", "must be 1–1000 deg/s") }
                if !(0.05...3).contains(row.mean) {
                    try fail("\(key)[\(i)].mean", "must be a ratio between 0.05 and 3")
                }
                if !(row.sd > 0 && row.sd < row.mean) {
                    try fail("\(key)[\(i)].sd", "must be above 0 and below the mean (\(row.mean))")
                }
            }
        }
        if p.retestWeeks < 1 || p.retestWeeks > 104 { try fail("retestWeeks", "must be between 1 and 104 weeks") }
        for (i, row) in p.conventional.enumerated() {
            if !(1...1000).contains(row.velocity) { try fail("conventional[\(i)].velocity", "must be 1–1000 deg/s") }
            if !(0.05...3).contains(row.green) {
                try fail("conventional[\(i)].green", "must be a ratio between 0.05 and 3")
            }
            if let red = row.red, red >= row.green {
                try fail("conventional[\(i)].red", "must be below green (\(row.green))")
            }
            if p.conventional[..<i].contains(where: { abs($0.velocity - row.velocity) <= p.velocityTolerance }) {
                try fail("conventional[\(i)].velocity", "another row already covers \(row.velocity) deg/s")
            }
        }
        if let red = p.functional.cutoff.red, red >= p.functional.cutoff.green {
            try fail("functional.red", "must be below green (\(p.functional.cutoff.green))")
        }
        if let red = p.isometric.red, red >= p.isometric.green {
            try fail("isometric.red", "must be below green (\(p.isometric.green))")
        }
        for (key, value) in [
            ("functional.green", p.functional.cutoff.green), ("isometric.green", p.isometric.green),
            ("machine.greenFemale", p.machine.greenFemale), ("machine.greenMale", p.machine.greenMale),
            ("croisier.bilateralRatio", p.croisier.bilateralRatio), ("croisier.conventional", p.croisier.conventional),
            ("croisier.mixed", p.croisier.mixed),
        ] where !(0.05...3).contains(value) {
            try fail(key, "must be a ratio between 0.05 and 3")
        }
        if !(1...30).contains(p.machine.maxReps) {
            try fail("machine.maxReps", "must be 1–30: 1RM formulas are not validated beyond that")
        }
        if p.machine.warnReps > 36 { try fail("machine.warnReps", "must be at most 36") }
        if !(50...3000).contains(p.nordic.green) { try fail("nordic.green", "must be 50–3000 newtons") }
        if !(0...100).contains(p.nordic.minimumAge) { try fail("nordic.minimumAge", "must be 0–100 years") }
        if !(0...50).contains(p.nordic.expectedPerKilogram) {
            try fail("nordic.expectedPerKilogram", "must be 0–50 newtons per kilogram")
        }
        for (key, value) in [
            ("asymmetry.amber", p.asymmetry.amber), ("asymmetry.red", p.asymmetry.red),
            ("asymmetry.marked", p.asymmetry.marked),
        ] where !(0 < value && value < 100) {
            try fail(key, "must be a percentage above 0 and below 100")
        }
        if !(1...52).contains(p.asymmetry.confirmWithinWeeks) {
            try fail("asymmetry.confirmWithinWeeks", "must be 1–52 weeks")
        }
        if !(1...1000).contains(p.aclReconstruction.velocity) {
            try fail("aclReconstruction.velocity", "must be 1–1000 deg/s")
        }
        for (key, value) in [
            ("aclReconstruction.redFemale", p.aclReconstruction.redFemale),
            ("aclReconstruction.redMale", p.aclReconstruction.redMale),
        ] where !(0.05...3).contains(value) {
            try fail(key, "must be a ratio between 0.05 and 3")
        }
        if p.asymmetry.marked < p.asymmetry.red {
            try fail("asymmetry.marked", "must be at least red (\(p.asymmetry.red))")
        }
        if !(0 < p.limbSymmetry.green && p.limbSymmetry.green <= 100) {
            try fail("limbSymmetry.green", "must be a percentage above 0, at most 100")
        }
        if !(1...1000).contains(p.relativeTorque.velocity) {
            try fail("relativeTorque.velocity", "must be 1–1000 deg/s")
        }
        if !(0 < p.relativeTorque.green && p.relativeTorque.green <= 20) {
            try fail("relativeTorque.green", "must be above 0 and at most 20 Nm/kg")
        }
        if !(0 < p.bridge.green && p.bridge.green <= 500) { try fail("bridge.green", "must be 1–500 repetitions") }
        if p.machine.warnReps < p.machine.maxReps { try fail("machine.warnReps", "must be at least maxReps") }
        if p.machine.formula == .brzycki && p.machine.warnReps >= 37 {
            try fail("machine.warnReps", "must be below 37: the Brzycki formula divides by 37 − repetitions")
        }
        if p.nordic.red >= p.nordic.green { try fail("nordic.red", "must be below green (\(p.nordic.green)) newtons") }
        if p.asymmetry.amber >= p.asymmetry.red {
            try fail("asymmetry.amber", "must be below red (\(p.asymmetry.red))")
        }
        if p.limbSymmetry.red >= p.limbSymmetry.green {
            try fail("limbSymmetry.red", "must be below green (\(p.limbSymmetry.green))")
        }
        if let red = p.bridge.red, red >= p.bridge.green {
            try fail("bridge.red", "must be below green (\(p.bridge.green))")
        }
        if !(0...1).contains(p.change.ratio) { try fail("change.ratio", "must be between 0 and 1") }
        if !(0...100).contains(p.change.asymmetryPoints) {
            try fail("change.asymmetryPoints", "must be between 0 and 100 percentage points")
        }
        if !(0...100).contains(p.change.strengthPercent) { try fail("change.strengthPercent", "must be 0–100%") }
    }

    /// The line of a dotted key path such as `conventional[1].red`, for messages.
    private static func line(of path: String, in root: NodeReader) -> Int? {
        var node = root.node
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var index: Int?
            if let open = part.firstIndex(of: "["), let close = part.firstIndex(of: "]") {
                name = part[..<open]
                index = Int(part[part.index(after: open)..<close])
            }
            guard let next = node.mapping?[String(name)] else { return node.mark?.line }
            node = next
            if let index, let items = node.sequence, index < items.count { node = items[index] }
        }
        return node.mark?.line
    }
}
