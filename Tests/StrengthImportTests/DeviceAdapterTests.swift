import Foundation
import StrengthModel
import Testing

@testable import StrengthImport

/// Device exports; expected values are the files' numbers.
@Suite("Device exports")
struct DeviceAdapterTests {
    func sample(_ name: String, options: ImportOptions = ImportOptions()) -> ImportResult {
        Importer(options: options).importFiles([GymAdapterTests.sampleData.appendingPathComponent(name).path])
    }

    func values(_ result: ImportResult) -> [String] {
        result.measurements.map {
            "\($0.athlete) \($0.side?.rawValue ?? "both") \($0.muscle.rawValue) \($0.contraction.rawValue) "
                + Formatting.fixedForTests($0.value.si)
        }
    }

    @Test("NordBord Hub: BOM, month-first dates, Nordic and ISO Prone tests")
    func nordBordHub() {
        let result = sample("nordbord_vald.csv")
        #expect(result.file.format == "vald-nordbord")
        #expect(result.file.dialect?.byteOrderMark == true)
        #expect(result.counts == RowCounts(rowsRead: 3, rowsImported: 3))
        #expect(
            values(result) == [
                "Alex Runner left hamstrings eccentric 412.25", "Alex Runner right hamstrings eccentric 365.5",
                "Sam Sprinter left hamstrings eccentric 338.75", "Sam Sprinter right hamstrings eccentric 344",
                "Sam Sprinter left hamstrings isometric 295.5", "Sam Sprinter right hamstrings isometric 280.25",
            ])
        #expect(result.measurements.prefix(4).allSatisfy { $0.method == .nordic })
        #expect(Set(result.measurements.map(\.date.description)) == ["2026-01-20"])
    }

    @Test("NordBord API dump: camelCase fields, ISO times, 0-rep sides ignored")
    func nordBordAPI() throws {
        let result = try Importer().importText(
            "profileId,testId,modifiedDateUtc,testDateUtc,testTypeId,testTypeName,notes,device,leftAvgForce,leftImpulse,leftMaxForce,leftTorque,leftCalibration,leftRepetitions,rightAvgForce,rightImpulse,rightMaxForce,rightTorque,rightCalibration,rightRepetitions\n"
                + "9f1c,t1,2025-01-10T15:00:00.000Z,2025-01-10T12:14:33.835Z,1,Nordic,,NordBord,300,1000,350.5,150,0,3,290,990,340,145,0,3\n"
                + "9f1c,t2,2025-01-10T15:00:00.000Z,2025-01-10T12:20:00.000Z,1,Nordic,,NordBord,2,0,1.4,0,0,0,310,900,330,140,0,2\n"
        )
        #expect(result.file.format == "vald-nordbord")
        // The second test's right side (330 N) is a second trial of the same test that day: counted, and the
        // better trial (340 N) stands for both.
        #expect(values(result) == ["9f1c left hamstrings eccentric 350.5", "9f1c right hamstrings eccentric 340"])
        #expect(result.file.measurements == 3)
        #expect(result.measurements.first?.date.description == "2025-01-10")
    }

    @Test("ForceFrame Hub: knee tests read, hip tests skipped and counted")
    func forceFrameHub() throws {
        let hip = sample("forceframe_vald.csv")
        #expect(hip.file.format == "vald-forceframe")
        #expect(hip.counts == RowCounts(rowsRead: 2, rowsSkipped: 2))
        let knee = try Importer().importText(
            "\"Name\",\"ExternalId\",\"Date\",\"Time\",\"Device\",\"Mode\",\"Test\",\"Direction\",\"Position\",\"L Reps\",\"R Reps\",\"L Max Force (N)\",\"R Max Force (N)\",\"Notes\"\n"
                + "\"Jo\",\"\",\"28/04/2026\",\"1:48 PM\",\"FF\",\"Bar + Frame\",\"Knee Flexion\",\"Pull\",\"Knee - 90\",\"3\",\"3\",\"250.5\",\"240\",\"\"\n"
                + "\"Jo\",\"\",\"28/04/2026\",\"1:50 PM\",\"FF\",\"Bar + Frame\",\"Knee Extension\",\"Push\",\"Knee - 90\",\"3\",\"0\",\"520\",\"1.5\",\"\"\n"
        )
        #expect(knee.counts == RowCounts(rowsRead: 2, rowsImported: 2))
        #expect(
            values(knee) == [
                "Jo left hamstrings isometric 250.5", "Jo right hamstrings isometric 240",
                "Jo left quadriceps isometric 520",
            ])
        #expect(knee.measurements.map(\.angle) == [90, 90, 90])
        #expect(knee.measurements.first?.date.description == "2026-04-28")
    }

    @Test("ForceFrame API: inner is flexion, outer extension, for a two-way knee test")
    func forceFrameAPI() throws {
        let result = try Importer().importText(
            "innerLeftAvgForce,innerLeftImpulse,innerLeftMaxForce,innerLeftRepetitions,innerRightAvgForce,innerRightImpulse,innerRightMaxForce,innerRightRepetitions,outerLeftAvgForce,outerLeftImpulse,outerLeftMaxForce,outerLeftRepetitions,outerRightAvgForce,outerRightImpulse,outerRightMaxForce,outerRightRepetitions,device,modifiedDateUtc,testTypeName,testPositionName,profileId\n"
                + "200,1,210,3,190,1,205,3,400,1,420,3,390,1,410,3,FF,2025-02-01T10:00:08.2852013Z,Knee Flexion/Extension,Knee - 60,p1\n"
                + "1,0,1.5,0,1,0,1.4,0,300,1,310,3,290,1,305,3,FF,2025-02-01T10:05:00.0000000Z,Hip AD/AB,Hip AD/AB - 45,p1\n"
        )
        #expect(result.file.format == "vald-forceframe")
        #expect(result.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsSkipped: 1))
        #expect(
            values(result) == [
                "p1 left hamstrings isometric 210", "p1 right hamstrings isometric 205",
                "p1 left quadriceps isometric 420",
                "p1 right quadriceps isometric 410",
            ])
        #expect(result.measurements.first?.angle == 60)
    }

    @Test("isokinetic report table: preamble details, peak torque with rep notes, one block per speed")
    func biodex() throws {
        let result = sample("biodex_export.csv")
        #expect(result.file.format == "isokinetic-report")
        #expect(result.counts == RowCounts(rowsRead: 17, rowsImported: 1, rowsSkipped: 16))
        #expect(
            values(result) == [
                "Jane Doe left quadriceps concentric 142.3", "Jane Doe right quadriceps concentric 165.1",
                "Jane Doe left hamstrings concentric 78.4", "Jane Doe right hamstrings concentric 88",
            ])
        let info = try #require(result.sessions.values.first)
        #expect(
            (info.name, info.bodyMassKg, info.sex, info.age, info.involvedSide) == (
                "Jane Doe", 61.5, .female, 27, .left
            ))
        #expect(info.date.description == "2024-03-14")

        let twoSpeeds = try Importer().importText(
            "Patient Name:,Sam,Date:,03/14/2024\nSet 1 of 2,Extension (60 deg/s),Flexion (60 deg/s)\n"
                + "Parameter,Extension Left,Extension Right,Extension Deficit (%),Flexion Left,Flexion Right,Flexion Deficit (%)\n"
                + "Peak Torque (ft-lb),100 (Rep 2),110,9.1,55,60,8.3\n"
                + "Set 2 of 2,Extension (180 deg/s),Flexion (180 deg/s)\n"
                + "Parameter,Extension Left,Extension Right,Extension Deficit (%),Flexion Left,Flexion Right,Flexion Deficit (%)\n"
                + "Peak Torque (ft-lb),80,85,,50,52,\n")
        #expect(twoSpeeds.counts == RowCounts(rowsRead: 4, rowsImported: 2, rowsSkipped: 2))
        #expect(twoSpeeds.measurements.map(\.velocity) == [60, 60, 60, 60, 180, 180, 180, 180])
        // 100 ft-lb × 1.3558179 = 135.58 Nm.
        #expect(Formatting.fixedForTests(twoSpeeds.measurements[0].value.si) == "135.582")
    }

    @Test("hand-held log: needs --date; lbf or N; other trials skipped")
    func handHeld() throws {
        let undated = sample("microfet_hhd.csv")
        #expect(undated.file.failed)
        #expect(
            undated.errors.map(\.message) == ["a hand-held dynamometer log has no test date; pass --date YYYY-MM-DD"])
        let dated = sample(
            "microfet_hhd.csv",
            options: ImportOptions(athlete: "Jane", testDate: TestDate(year: 2026, month: 3, day: 1)))
        #expect(dated.counts == RowCounts(rowsRead: 4, rowsImported: 4))
        #expect(
            values(dated) == [
                "Jane left quadriceps isometric 216.186", "Jane right quadriceps isometric 236.645",
                "Jane left hamstrings isometric 139.674", "Jane right hamstrings isometric 150.795",
            ])
        let pounds = try Importer(options: ImportOptions(testDate: TestDate(year: 2026, month: 3, day: 1))).importText(
            "TrialName,PeakForce_lbs,Duration\nKneeFlex_L_1,31.4,3.2\nHipAbd_L_1,20,3.0\n")
        // 31.4 lbf × 4.4482216 = 139.674 N.
        #expect(values(pounds).map { String($0.split(separator: " ").last!) } == ["139.674"])
        #expect(pounds.counts == RowCounts(rowsRead: 2, rowsImported: 1, rowsSkipped: 1))
    }
}

extension Formatting {
    /// Up to three decimals without trailing zeros, for readable expectations.
    static func fixedForTests(_ value: Double) -> String {
        var text = String((value * 1000).rounded() / 1000)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}

enum Formatting {}

@Suite("Every export in SampleData/exports reads cleanly")
struct SampleExportsTests {
    @Test(
        "format detected, no rejections, counts add up",
        arguments: [
            ("strong_app.csv", "strong", 14), ("strong_app_semicolon.csv", "strong", 8), ("hevy.csv", "hevy", 8),
            ("fitnotes.csv", "fitnotes", 8), ("fitbod.csv", "fitbod", 6), ("nordbord_vald.csv", "vald-nordbord", 3),
            ("nordbord_vald_api.csv", "vald-nordbord", 2), ("forceframe_vald.csv", "vald-forceframe", 2),
            ("forceframe_knee_vald.csv", "vald-forceframe", 3), ("biodex_export.csv", "isokinetic-report", 17),
            ("microfet_hhd.csv", "hand-held-log", 4),
        ])
    func sample(file: String, format: String, rows: Int) {
        let result = Importer(options: ImportOptions(testDate: TestDate(year: 2026, month: 3, day: 1)))
            .importFiles([GymAdapterTests.sampleData.appendingPathComponent(file).path])
        #expect(result.file.format == format)
        #expect(result.counts.rowsRead == rows)
        #expect(result.counts.rowsRejected == 0)
        #expect(result.counts.isBalanced)
        #expect(!result.file.failed)
    }
}
