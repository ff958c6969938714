/// What a column of a generic file holds, apart from strength values.
///
/// Aliases are compared with the header's key: lower case, letters and digits only, units in
/// brackets removed, so `Athlete ID`, `athlete_id` and `AthleteId` all read as `athleteid`.
enum ColumnRole: String, CaseIterable, Sendable {
    case athlete, name, date, side, muscle, contraction, velocity, angle, value, unit
    case sex, age, bodyMass, sport, involvedSide, aclReconstruction, gravityCorrected, method, repetitions, setType
    case position, machine, trainingLog

    var aliases: Set<String> {
        switch self {
        case .athlete:
            [
                "athlete", "athleteid", "id", "subject", "subjectid", "player", "playerid", "patient", "patientid",
                "participant", "participantid", "externalid", "athletecode", "client", "clientid",
            ]
        case .name:
            [
                "name", "athletename", "playername", "patientname", "fullname", "subjectname", "displayname",
                "clientname", "participantname",
            ]
        case .date: ["date", "testdate", "sessiondate", "datetested", "testedon", "assessmentdate", "testday"]
        case .side: ["side", "leg", "limb", "testedside", "testedleg", "testedlimb"]
        case .muscle: ["muscle", "musclegroup", "muscles", "movement", "motion", "jointaction"]
        case .contraction: ["contraction", "contractiontype", "contractionmode", "mode", "action"]
        case .velocity: ["velocity", "speed", "angularvelocity", "angularspeed", "testvelocity", "testspeed"]
        case .angle: ["angle", "kneeangle", "jointangle", "testangle"]
        case .value:
            [
                "value", "peaktorque", "torque", "pt", "force", "peakforce", "maxforce", "maxtorque", "load",
                "weight", "result", "peak", "peakvalue", "measurement", "strength",
            ]
        case .unit: ["unit", "units", "valueunit"]
        case .sex: ["sex", "gender"]
        case .age: ["age", "ageyears"]
        case .bodyMass: ["bodymass", "bodyweight", "mass", "bw", "bm"]
        case .sport: ["sport", "discipline"]
        case .involvedSide:
            [
                "involved", "involvedside", "involvedlimb", "involvedleg", "injuredside", "injuredleg",
                "injuredlimb", "operatedside", "operatedleg", "affectedside", "affectedleg", "affectedlimb",
            ]
        case .aclReconstruction:
            [
                "acl", "aclr", "aclreconstruction", "aclreconstructed", "aclrecon", "aclsurgery", "acloperated",
                "previousaclr", "prioraclr",
            ]
        case .gravityCorrected: ["gravitycorrected", "gravitycorrection", "gravity", "gc", "gravitycorr"]
        case .method: ["method", "device", "testmethod", "equipment", "dynamometer", "instrument", "devicetype"]
        case .repetitions: ["reps", "repetitions", "rep", "repcount", "numberofreps", "repsdone"]
        case .setType: ["settype", "setkind", "warmup", "iswarmup", "warmupset"]
        case .position: ["position", "bodyposition", "testposition", "posture", "patientposition"]
        case .machine: ["machine", "machinetype", "legcurlmachine"]
        case .trainingLog: ["traininglog", "fromtraininglog", "gymlog"]
        }
    }

    /// The role a header names, if any. The first matching column of a role wins.
    static func of(_ column: HeaderColumn) -> ColumnRole? {
        for key in [column.key, column.keyWithoutUnitWord] {
            if let role = lookup[key] { return role }
        }
        // `velocity_deg_s`, `speed_dps`, `Velocity deg/s`: a speed unit written as words.
        if let stripped = column.keyWithoutSpeedUnit, lookup[stripped] == .velocity { return .velocity }
        return nil
    }

    private static let lookup: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        for role in ColumnRole.allCases {
            for alias in role.aliases { table[alias] = role }
        }
        return table
    }()
}
