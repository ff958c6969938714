import StrengthAnalysis

/// Builds a `ThresholdProfile` from the YAML tree, one section at a time.
enum ProfileDecoder {
    static func profile(_ root: NodeReader) throws(ProfileError) -> ThresholdProfile {
        let m = try root.mapping(keys: [
            "name", "description", "velocityTolerance", "retestWeeks", "conventional", "conventionalReference",
            "functional", "functionalReference", "isometric", "machine", "nordic", "asymmetry", "limbSymmetry",
            "relativeTorque", "aclReconstruction", "bridge", "croisier", "change",
        ])
        // Read in file order, so the first problem reported is the first one in the file.
        let name = try m.string("name", in: root)
        let description = try m.string("description", in: root)
        let velocityTolerance = try m.double("velocityTolerance", in: root)
        let retestWeeks = try m.int("retestWeeks", in: root)
        var conventional: [ConventionalThreshold] = []
        for row in try m.required("conventional", in: root).sequence() {
            let r = try row.mapping(keys: ["velocity", "green", "red", "source", "population"])
            conventional.append(
                ConventionalThreshold(
                    velocity: try r.double("velocity", in: row), green: try r.double("green", in: row),
                    red: try r.optionalDouble("red", in: row), source: try r.string("source", in: row),
                    population: try r.string("population", in: row)))
        }
        return ThresholdProfile(
            name: name, description: description, velocityTolerance: velocityTolerance, retestWeeks: retestWeeks,
            conventional: conventional,
            conventionalReference: try references(m.required("conventionalReference", in: root)),
            functional: try functional(m.required("functional", in: root)),
            functionalReference: try references(m.required("functionalReference", in: root)),
            isometric: try cutoff(m.required("isometric", in: root)),
            machine: try machine(m.required("machine", in: root)),
            nordic: try nordic(m.required("nordic", in: root)),
            asymmetry: try asymmetry(m.required("asymmetry", in: root)),
            limbSymmetry: try limbSymmetry(m.required("limbSymmetry", in: root)),
            relativeTorque: try relativeTorque(m.required("relativeTorque", in: root)),
            aclReconstruction: try aclReconstruction(m.required("aclReconstruction", in: root)),
            bridge: try cutoff(m.required("bridge", in: root)),
            croisier: try croisier(m.required("croisier", in: root)),
            change: try change(m.required("change", in: root)))
    }

    static func references(_ node: NodeReader) throws(ProfileError) -> [ReferenceValue] {
        var values: [ReferenceValue] = []
        for row in try node.sequence() {
            let r = try row.mapping(keys: ["velocity", "mean", "sd", "source"])
            values.append(
                ReferenceValue(
                    velocity: try r.double("velocity", in: row), mean: try r.double("mean", in: row),
                    sd: try r.double("sd", in: row), source: try r.string("source", in: row)))
        }
        return values
    }

    static func cutoff(_ node: NodeReader) throws(ProfileError) -> RatioCutoff {
        let r = try node.mapping(keys: ["green", "red", "source", "population"])
        return RatioCutoff(
            green: try r.double("green", in: node), red: try r.optionalDouble("red", in: node),
            source: try r.string("source", in: node), population: try r.string("population", in: node))
    }

    static func functional(_ node: NodeReader) throws(ProfileError) -> FunctionalRule {
        let r = try node.mapping(keys: [
            "eccentricVelocity", "concentricVelocity", "green", "red", "source", "population",
        ])
        return FunctionalRule(
            eccentricVelocity: try r.double("eccentricVelocity", in: node),
            concentricVelocity: try r.double("concentricVelocity", in: node),
            cutoff: RatioCutoff(
                green: try r.double("green", in: node), red: try r.optionalDouble("red", in: node),
                source: try r.string("source", in: node), population: try r.string("population", in: node)))
    }

    static func machine(_ node: NodeReader) throws(ProfileError) -> MachineRule {
        let r = try node.mapping(keys: [
            "greenFemale", "greenMale", "formula", "maxReps", "warnReps", "source", "population",
        ])
        let formulaNode = try r.required("formula", in: node)
        guard let formula = OneRepMaxFormula(rawValue: try formulaNode.string()) else {
            throw formulaNode.error(
                "must be one of: \(OneRepMaxFormula.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return MachineRule(
            greenFemale: try r.double("greenFemale", in: node), greenMale: try r.double("greenMale", in: node),
            formula: formula, maxReps: try r.int("maxReps", in: node), warnReps: try r.int("warnReps", in: node),
            source: try r.string("source", in: node), population: try r.string("population", in: node))
    }

    static func nordic(_ node: NodeReader) throws(ProfileError) -> NordicRule {
        let r = try node.mapping(keys: [
            "green", "red", "sex", "minimumAge", "sports", "expectedPerKilogram", "expectedIntercept", "source",
            "expectedSource",
        ])
        var sports: [String] = []
        for sport in try r.required("sports", in: node).sequence() { sports.append(try sport.string().lowercased()) }
        let sexNode = try r.required("sex", in: node)
        let sex = try sexNode.string().lowercased()
        guard sex == "male" || sex == "female" else { throw sexNode.error("must be male or female") }
        return NordicRule(
            green: try r.double("green", in: node), red: try r.double("red", in: node), sex: sex,
            minimumAge: try r.int("minimumAge", in: node), sports: sports,
            expectedPerKilogram: try r.double("expectedPerKilogram", in: node),
            expectedIntercept: try r.double("expectedIntercept", in: node), source: try r.string("source", in: node),
            expectedSource: try r.string("expectedSource", in: node))
    }

    static func asymmetry(_ node: NodeReader) throws(ProfileError) -> AsymmetryRule {
        let r = try node.mapping(keys: ["amber", "red", "marked", "confirmWithinWeeks", "source"])
        return AsymmetryRule(
            amber: try r.double("amber", in: node), red: try r.double("red", in: node),
            marked: try r.double("marked", in: node), confirmWithinWeeks: try r.int("confirmWithinWeeks", in: node),
            source: try r.string("source", in: node))
    }

    static func aclReconstruction(_ node: NodeReader) throws(ProfileError) -> ACLRule {
        let r = try node.mapping(keys: ["velocity", "redFemale", "redMale", "source", "population"])
        return ACLRule(
            velocity: try r.double("velocity", in: node), redFemale: try r.double("redFemale", in: node),
            redMale: try r.double("redMale", in: node), source: try r.string("source", in: node),
            population: try r.string("population", in: node))
    }

    static func limbSymmetry(_ node: NodeReader) throws(ProfileError) -> LimbSymmetryRule {
        let r = try node.mapping(keys: ["green", "red", "source"])
        return LimbSymmetryRule(
            green: try r.double("green", in: node), red: try r.double("red", in: node),
            source: try r.string("source", in: node))
    }

    static func relativeTorque(_ node: NodeReader) throws(ProfileError) -> RelativeTorqueRule {
        let r = try node.mapping(keys: ["velocity", "green", "source"])
        return RelativeTorqueRule(
            velocity: try r.double("velocity", in: node), green: try r.double("green", in: node),
            source: try r.string("source", in: node))
    }

    static func croisier(_ node: NodeReader) throws(ProfileError) -> CroisierRule {
        let r = try node.mapping(keys: ["bilateralRatio", "conventionalVelocity", "conventional", "mixed", "source"])
        return CroisierRule(
            bilateralRatio: try r.double("bilateralRatio", in: node),
            conventionalVelocity: try r.double("conventionalVelocity", in: node),
            conventional: try r.double("conventional", in: node), mixed: try r.double("mixed", in: node),
            source: try r.string("source", in: node))
    }

    static func change(_ node: NodeReader) throws(ProfileError) -> ChangeNoise {
        let r = try node.mapping(keys: [
            "ratio", "ratioSource", "asymmetryPoints", "asymmetrySource", "strengthPercent", "strengthSource",
        ])
        return ChangeNoise(
            ratio: try r.double("ratio", in: node), ratioSource: try r.string("ratioSource", in: node),
            asymmetryPoints: try r.double("asymmetryPoints", in: node),
            asymmetrySource: try r.string("asymmetrySource", in: node),
            strengthPercent: try r.double("strengthPercent", in: node),
            strengthSource: try r.string("strengthSource", in: node))
    }
}
