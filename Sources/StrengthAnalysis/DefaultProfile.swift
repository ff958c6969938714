extension ThresholdProfile {
    private static let baroni = "Baroni et al. 2020, J Strength Cond Res 34:281"
    private static let plosNormals = "published normal value quoted in PLoS ONE 2012, doi:10.1371/journal.pone.0050979"

    /// The default profile: the science team's default-v1 table, rows 1–15, each number with its source.
    public static let defaultV1 = ThresholdProfile(
        name: "default-v1",
        description: "Screening cut-offs from the H:Q literature; most were derived in male professional field-sport "
            + "athletes. They mark training targets, not injury risk.",
        velocityTolerance: 0.5,
        retestWeeks: 6,
        conventional: [
            ConventionalThreshold(
                velocity: 60, green: 0.60, red: 0.47,
                source: "0.60 target: Coombs & Garbutt 2002, J Sports Sci Med 1:56; "
                    + "0.47 cut-off: Croisier et al. 2008, Am J Sports Med 36:1469 (as applied by Ardern et al. 2015)",
                population: "professional soccer players"),
            ConventionalThreshold(
                velocity: 180, green: 0.72, red: nil, source: plosNormals,
                population: "young professional soccer players"),
            ConventionalThreshold(
                velocity: 240, green: 0.75, red: nil,
                source: "provisional: interpolated between the 0.72 (180°/s) and 0.78 (300°/s) normal values",
                population: "young professional soccer players"),
            ConventionalThreshold(
                velocity: 300, green: 0.78, red: nil, source: plosNormals,
                population: "young professional soccer players"),
        ],
        conventionalReference: [
            ReferenceValue(velocity: 12, mean: 0.52, sd: 0.07, source: baroni),
            ReferenceValue(velocity: 30, mean: 0.52, sd: 0.08, source: baroni),
            ReferenceValue(velocity: 90, mean: 0.57, sd: 0.06, source: baroni),
            ReferenceValue(velocity: 120, mean: 0.65, sd: 0.16, source: baroni),
            ReferenceValue(velocity: 360, mean: 0.80, sd: 0.13, source: baroni),
        ],
        functional: FunctionalRule(
            eccentricVelocity: 30, concentricVelocity: 240,
            cutoff: RatioCutoff(
                green: 1.00, red: 0.80,
                source: "0.80: Croisier et al. 2008 / Ardern et al. 2015; 1.00: upper bound of Aagaard et al. 1998, "
                    + "Am J Sports Med 26:231",
                population: "professional soccer players")),
        functionalReference: [
            ReferenceValue(velocity: 60, mean: 0.79, sd: 0.19, source: baroni),
            ReferenceValue(velocity: 120, mean: 1.27, sd: 0.42, source: baroni),
            ReferenceValue(velocity: 180, mean: 0.96, sd: 0.19, source: baroni),
            ReferenceValue(velocity: 240, mean: 1.09, sd: 0.22, source: baroni),
            ReferenceValue(velocity: 300, mean: 1.23, sd: 0.18, source: baroni),
        ],
        isometric: RatioCutoff(
            green: 0.45, red: nil,
            source: "provisional: seated hand-held and isokinetic H/Q 0.51–0.56 (Bogdanis 2025); no validated cut-off",
            population: "healthy adults"),
        machine: MachineRule(
            greenFemale: 0.37, greenMale: 0.43, formula: .epley, maxReps: 10, warnReps: 12,
            source: "Rev Bras Med Esporte 2011: men 0.52 ± 0.10, women 0.43 ± 0.06; green from mean − 1 SD. "
                + "1RM estimates: no more than 10 repetitions (Reynolds et al. 2006, J Strength Cond Res 20:584)",
            population: "recreationally trained adults"),
        nordic: NordicRule(
            green: 337, red: 256, sex: "male", minimumAge: 18,
            sports: [
                "soccer", "football", "association football", "australian football", "australian rules football",
                "aussie rules", "afl", "rugby", "rugby union", "rugby league", "rugby sevens", "gaelic football",
                "hurling",
            ],
            expectedPerKilogram: 4, expectedIntercept: 26.1,
            source: "256 N: Opar et al. 2015, Med Sci Sports Exerc 47:857; 337 N: Timmins et al. 2016, "
                + "Br J Sports Med 50:1524",
            expectedSource: "Buchheit et al. 2016"),
        asymmetry: AsymmetryRule(
            amber: 10, red: 15, marked: 20, confirmWithinWeeks: 8,
            source: "Sapega 1990 bands (< 10% normal, 10–20% possibly abnormal); ≥ 15%: Croisier 2008, "
                + "Bourne et al. 2015, Am J Sports Med 43:2663 (rugby union, NordBord)"),
        limbSymmetry: LimbSymmetryRule(
            green: 90, red: 80,
            source: "≥ 90%: Gokeler et al. 2017, KSSTA 25:192; 80%: Sapega 1990 (at most a 20% deficit)"),
        relativeTorque: RelativeTorqueRule(
            velocity: 60, green: 3.0, source: "Gokeler et al. 2017 return-to-sport battery (knee extensors, 60°/s)"),
        aclReconstruction: ACLRule(
            velocity: 300, redFemale: 0.55, redMale: 0.625,
            source: "Gokeler et al. 2017, KSSTA 25:192 (return-to-sport battery after ACL reconstruction)",
            population: "athletes after ACL reconstruction"),
        bridge: RatioCutoff(
            green: 25, red: 20,
            source: "Freckleton et al. 2014, Br J Sports Med 48:713; bands < 20 poor, 25 average "
                + "from secondary summaries (healthhp.com.au, matassessment.com)",
            population: "amateur and semi-elite Australian footballers"),
        croisier: CroisierRule(
            bilateralRatio: 0.86, conventionalVelocity: 60, conventional: 0.47, mixed: 0.80,
            source: "Croisier et al. 2008, Am J Sports Med 36:1469, criteria as applied by Ardern et al. 2015, "
                + "J Strength Cond Res 29:997"),
        change: ChangeNoise(
            ratio: 0.05,
            ratioSource: "provisional: no published minimal detectable change for H:Q ratios; set your own",
            asymmetryPoints: 14,
            asymmetrySource: "lower end of the 14–23% minimal detectable change of strength asymmetry (Frontiers 2025)",
            strengthPercent: 10, strengthSource: "provisional: no published minimal detectable change; set your own"))
}
