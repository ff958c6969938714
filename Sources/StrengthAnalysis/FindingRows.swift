import StrengthModel

extension Finding {
    /// The rows a finding came from: a list of its own, or two of its session's peaks, held by reference
    /// to the session's peaks. A ratio or a between-leg difference is most of a session's findings, and
    /// a two-row array each was an allocation, two measurements copied and a free per finding.
    ///
    /// Equal to every other inside `Fields`: `Finding` compares the rows themselves, however held.
    struct Rows: Sendable, Hashable {
        private enum Held {
            case list([Measurement])
            case peaks([Measurement], first: UInt32, second: UInt32)
        }

        private let held: Held

        init(_ list: [Measurement]) { held = .list(list) }

        /// Two of `peaks`, by position.
        init(peaks: [Measurement], _ first: Int, _ second: Int) {
            if let a = UInt32(exactly: first), let b = UInt32(exactly: second) {
                held = .peaks(peaks, first: a, second: b)
            } else {
                held = .list([peaks[first], peaks[second]])
            }
        }

        var count: Int {
            switch held {
            case .list(let list): list.count
            case .peaks: 2
            }
        }

        var first: Measurement? {
            switch held {
            case .list(let list): list.first
            case .peaks(let peaks, let first, _): peaks[Int(first)]
            }
        }

        var last: Measurement? {
            switch held {
            case .list(let list): list.last
            case .peaks(let peaks, _, let second): peaks[Int(second)]
            }
        }

        var list: [Measurement] {
            switch held {
            case .list(let list): list
            case .peaks(let peaks, let first, let second): [peaks[Int(first)], peaks[Int(second)]]
            }
        }

        static func == (lhs: Rows, rhs: Rows) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }

    /// The numbers that went into a finding's formula: a list of their own, or the values of its two
    /// rows under fixed names, made when read. Equal to every other inside `Fields`, like `Rows`.
    struct Inputs: Sendable, Hashable {
        enum Source: Sendable {
            case list([FindingInput])
            case fromRows(RowNames)
        }

        /// The names of a two-row finding's inputs, first row first.
        enum RowNames: UInt8, Sendable {
            /// Hamstrings and quadriceps concentric peak torques.
            case conventional
            /// Hamstrings eccentric and quadriceps concentric peak torques.
            case functional
            /// The left and right peaks of one muscle, in the rows' unit.
            case leftAndRight

            func inputs(_ rows: Rows) -> [FindingInput] {
                guard let first = rows.first, let second = rows.last else { return [] }
                let (firstName, secondName, unit): (String, String, String) =
                    switch self {
                    case .conventional:
                        ("hamstrings concentric peak torque", "quadriceps concentric peak torque", "Nm")
                    case .functional: ("hamstrings eccentric peak torque", "quadriceps concentric peak torque", "Nm")
                    case .leftAndRight:
                        switch first.muscle {
                        case .quadriceps:
                            ("left quadriceps peak", "right quadriceps peak", first.value.dimension.siSymbol)
                        case .hamstrings:
                            ("left hamstrings peak", "right hamstrings peak", first.value.dimension.siSymbol)
                        }
                    }
                return [
                    FindingInput(name: firstName, value: first.value.si, unit: unit),
                    FindingInput(name: secondName, value: second.value.si, unit: unit),
                ]
            }
        }

        let source: Source

        init(_ source: Source) { self.source = source }

        static func == (lhs: Inputs, rhs: Inputs) -> Bool { true }
        func hash(into hasher: inout Hasher) {}
    }
}

extension PeakIndex {
    /// The peaks at two positions of `keys`, held by reference.
    func rows(_ first: Int, _ second: Int) -> Finding.Rows { Finding.Rows(peaks: peaks, first, second) }
}
