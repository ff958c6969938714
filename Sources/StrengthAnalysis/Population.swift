import StrengthModel

/// A detail about the athlete that a cut-off needs and the file did not give, with where to give it.
public struct MissingDetail: Sendable, Hashable {
    /// `sex`, `age`, `sport`, `body mass`, `knee angle`, `ACL reconstruction`.
    public var detail: String
    /// The column or flag that supplies it.
    public var supply: String

    public init(detail: String, supply: String) {
        self.detail = detail
        self.supply = supply
    }

    public static let sex = MissingDetail(detail: "sex", supply: "a 'Sex' column or --sex")
    public static let age = MissingDetail(detail: "age", supply: "an 'Age' column or --age")
    public static let sport = MissingDetail(detail: "sport", supply: "a 'Sport' column or --sport")
    public static let bodyMass = MissingDetail(detail: "body mass", supply: "a 'Body mass (kg)' column or --body-mass")
    public static let kneeAngle = MissingDetail(
        detail: "knee angle", supply: "an 'Angle' column (degrees of knee flexion)")
    public static let aclReconstruction = MissingDetail(
        detail: "ACL reconstruction", supply: "an 'ACL reconstruction' column (yes/no) or --acl-reconstruction")

    /// `sex and age are not recorded`. Where to supply them is said once per athlete, in the
    /// report's "More cut-offs could apply" note and the finding's `missingDetails`, rather than in
    /// each of the many findings one missing column can touch.
    static func sentence(_ details: [MissingDetail]) -> String {
        let names = details.map(\.detail)
        let list = names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return "\(list) \(details.count == 1 ? "is" : "are") not recorded"
    }
}

/// Whether a cut-off derived in adult male field-sport athletes may be applied to this athlete.
///
/// The Nordic force bands (Opar 2015, Timmins 2016) and the 15% asymmetry red (Croisier 2008,
/// Bourne 2015) come from adult male soccer, Australian football and rugby players. Unknown sex,
/// age or sport is "not established", never assumed.
enum FieldSportPopulation {
    enum Verdict: Equatable {
        case applies
        case notEstablished(why: String, missing: [MissingDetail])
    }

    static func check(_ info: SessionInfo?, rule: NordicRule) -> Verdict {
        var reasons: [String] = []
        var missing: [MissingDetail] = []
        if let sex = info?.sex {
            if sex.rawValue != rule.sex { reasons.append("they come from \(rule.sex) athletes") }
        } else {
            missing.append(.sex)
        }
        if let age = info?.age {
            if age < rule.minimumAge { reasons.append("they come from athletes aged \(rule.minimumAge) and over") }
        } else {
            missing.append(.age)
        }
        if let sport = info?.sport {
            if !isFieldSport(sport, rule: rule) {
                reasons.append("'\(sport)' is not one of the field sports they come from")
            }
        } else {
            missing.append(.sport)
        }
        guard !reasons.isEmpty || !missing.isEmpty else { return .applies }
        var why = reasons.joined(separator: "; ")
        if !missing.isEmpty { why += (why.isEmpty ? "" : "; ") + MissingDetail.sentence(missing) }
        return .notEstablished(why: why, missing: missing)
    }

    /// The whole recorded sport against the list, case and punctuation aside: `Rugby Union` and
    /// `rugby-union` match "rugby union"; `American football` and `ice hockey` match nothing.
    static func isFieldSport(_ sport: String, rule: NordicRule) -> Bool {
        let wanted = normalised(sport)
        return rule.sports.contains { normalised($0) == wanted }
    }

    static func normalised(_ text: String) -> String {
        let words = text.lowercased().unicodeScalars.split { !($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// `adult male field-sport athletes (soccer, Australian football, rugby)`.
    static func description(_ rule: NordicRule) -> String {
        "\(rule.minimumAge >= 18 ? "adult " : "")\(rule.sex) field-sport athletes (soccer, Australian football, rugby)"
    }
}
