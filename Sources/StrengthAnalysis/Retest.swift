import StrengthModel

/// Compares each finding with the same measure on the athlete's earlier test dates.
enum Retest {
    static func annotate(_ assessments: inout [Assessment], profile: ThresholdProfile) {
        // Assessments arrive sorted by athlete, then date: what is remembered is one athlete's, and only
        // the first and the latest value of each measure, so memory does not grow with the squad.
        // An athlete has a few dozen measures at most: a linear search of their keys beats hashing each.
        var keys: [Finding.Key] = []
        var seen: [Seen] = []
        keys.reserveCapacity(assessments.first?.findings.count ?? 0)
        seen.reserveCapacity(keys.capacity)
        var lastMachine: [String: (date: TestDate, finding: Finding)] = [:]
        var currentAthlete: String?
        for i in assessments.indices {
            let athlete = assessments[i].athlete
            if athlete != currentAthlete {
                currentAthlete = athlete
                keys.removeAll(keepingCapacity: true)
                seen.removeAll(keepingCapacity: true)
                lastMachine.removeAll(keepingCapacity: true)
            }
            let date = assessments[i].date
            let day = date.daysSinceEpoch
            var strengthChanges: [Finding] = []
            // Worked on out of the array of assessments: each finding read or changed through it checked
            // the outer array and retained the inner one.
            var findings: [Finding] = []
            swap(&findings, &assessments[i].findings)
            // How far the last finding's key sat from its own position: one measure missing from an
            // earlier test shifts every later key by the same step.
            var shift = 0
            for j in findings.indices {
                // No copy of the finding is held while it is changed: a second reference would make
                // every change copy all of its fields.
                let key = findings[j].key
                let measure = findings[j].measure
                let value = findings[j].value
                // Keys are unique, and an athlete's tests usually repeat the same battery: the key at the
                // finding's own position is tried before the others.
                let guess = j + shift
                let slot = guess >= 0 && guess < keys.count && keys[guess] == key ? guess : keys.firstIndex(of: key)
                if let slot {
                    shift = slot - j
                    let change = change(
                        findings[j], previous: seen[slot].latest, first: seen[slot].first,
                        profile: profile)
                    findings[j].change = change
                    let earlier = seen[slot].finding
                    let confirming =
                        measure == .asymmetry
                        && day - earlier.day <= profile.asymmetry.confirmWithinWeeks * 7
                    if confirming || QuadricepsDrivenRise.applies(to: measure) {
                        // Two findings of one test can share a key (the same difference by two methods):
                        // the earlier is then in this test's findings, which are out of the array.
                        let earlierFinding =
                            earlier.assessment == i
                            ? findings[earlier.index] : assessments[earlier.assessment].findings[earlier.index]
                        if confirming {
                            Asymmetry.confirm(&findings[j], earlier: earlierFinding, rule: profile.asymmetry)
                        }
                        if let quadriceps = QuadricepsDrivenRise.check(
                            findings[j], earlier: earlierFinding, profile: profile)
                        {
                            findings[j].change?.quadricepsDriven = true
                            if !strengthChanges.contains(where: { $0.key == quadriceps.key }) {
                                strengthChanges.append(quadriceps)
                            }
                        }
                    }
                }
                if measure == .machine1RMHQ {
                    let finding = findings[j]
                    let machineKey = finding.side?.rawValue ?? "-"
                    if let earlier = lastMachine[machineKey] {
                        findings[j].caveats += MachineTrend.caveats(finding, earlier: earlier)
                    }
                    lastMachine[machineKey] = (date, finding)
                }
                if let slot {
                    seen[slot].latest = (date, value)
                    seen[slot].finding = (day, i, j)
                } else {
                    keys.append(key)
                    seen.append(Seen(first: (date, value), latest: (date, value), finding: (day, i, j)))
                }
            }
            findings += strengthChanges
            swap(&findings, &assessments[i].findings)
        }
    }

    /// What is remembered of one measure of the athlete: its first and latest values, and where the
    /// finding of the latest test that had it is — by position, as a copy of the finding was a retain
    /// and a release for every finding of every retest.
    private struct Seen {
        var first: (date: TestDate, value: Double)
        var latest: (date: TestDate, value: Double)
        var finding: (day: Int, assessment: Int, index: Int)
    }

    static func noise(for finding: Finding, profile: ThresholdProfile) -> (Double, String, relative: Bool) {
        switch finding.measure {
        case .asymmetry, .limbSymmetryIndex:
            return (profile.change.asymmetryPoints, profile.change.asymmetrySource, false)
        case .nordicForce, .torquePerBodyMass, .singleLegBridge:
            return (profile.change.strengthPercent, profile.change.strengthSource, true)
        case .croisierComposite:
            return (0.5, "a whole criterion", false)
        default:
            return (profile.change.ratio, profile.change.ratioSource, false)
        }
    }

    static func change(
        _ finding: Finding, previous: (date: TestDate, value: Double), first: (date: TestDate, value: Double),
        profile: ThresholdProfile
    ) -> Change {
        let (noise, source, relative) = noise(for: finding, profile: profile)
        func verdict(from old: Double) -> Change.Verdict {
            let delta = finding.value - old
            let limit = relative ? abs(old) * noise / 100 : noise
            guard abs(delta) > limit else { return .noClearChange }
            return (delta > 0) == finding.measure.higherIsBetter ? .improved : .worse
        }
        return Change(
            previousDate: previous.date, previousValue: previous.value, sincePrevious: finding.value - previous.value,
            verdictSincePrevious: verdict(from: previous.value), firstDate: first.date, firstValue: first.value,
            sinceFirst: finding.value - first.value, verdictSinceFirst: verdict(from: first.value), noise: noise,
            noiseSource: relative ? "\(Formatting.fixed(noise, digits: 0))% of the earlier value; \(source)" : source)
    }
}
