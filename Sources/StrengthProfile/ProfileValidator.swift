import StrengthAnalysis

/// Checks that the numbers of a profile make sense together, pointing at the key that does not.
enum ProfileValidator {
    static func validate(_ p: ThresholdProfile, root: NodeReader) throws(ProfileError) {
        func fail(_ path: String, _ message: String) throws(ProfileError) {
            throw ProfileError(file: root.file, line: line(of: path, in: root), key: path, message: message)
        }
        if p.velocityTolerance < 0 { try fail("velocityTolerance", "must not be negative") }
        if p.retestWeeks < 1 || p.retestWeeks > 104 { try fail("retestWeeks", "must be between 1 and 104 weeks") }
        for (i, row) in p.conventional.enumerated() {
            if row.velocity <= 0 { try fail("conventional[\(i)].velocity", "must be above 0 deg/s") }
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
        if p.machine.maxReps < 1 { try fail("machine.maxReps", "must be at least 1") }
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
        if p.change.ratio < 0 { try fail("change.ratio", "must not be negative") }
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
