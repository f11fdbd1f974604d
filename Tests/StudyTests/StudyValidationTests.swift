import Federated
import Study
import World
import XCTest

/// Every problem is found before any compute and names the study.
final class StudyValidationTests: XCTestCase {
    /// A study with one Local row and a per-task table, plus `content`.
    func study(_ name: String = "s", scenario: StudyScenario = .visual, @StudyBuilder _ content: () -> [StudyPart]) -> Study {
        Study(name, title: "S", scenario: scenario, content)
    }

    func testAValidStudyHasNoProblems() {
        let s = study { Row("Local", .local); Row("Shepherd", .shepherd); Table(.perTask); Figure(.difference(row: "Shepherd", baseline: "Local")) }
        XCTAssertEqual(s.problems, [])
        XCTAssertNoThrow(try StudyPlan(studies: [s], settings: StudyFixtures.smoke))
    }

    func testAnUnknownTaskIsReportedWithTheScenariosTasks() {
        let s = study { Row("Local", .local); Figure(.taskBars, tasks: [.gqa, .scienceqa]) }
        XCTAssertEqual(studyProblem { try s.validate() }, .unknownTask(.scienceqa, scenario: .visual))
        XCTAssertEqual("\(s.problems[0])", "study s: unknown task 'scienceqa': the visual scenario has gqa, coco, refcoco")
    }

    func testTopKLargerThanTheClientsIsRefused() {
        let s = study { Row("k = 10", .pilot { $0.textAggregation = .nearest(k: 10) }); Table(.perTask) }
        XCTAssertEqual(studyProblem { try s.validate() }, .topKOutOfRange(row: "k = 10", k: 10, clients: 9))
        let two = study(scenario: StudyScenario(.visual, clientsPerTask: 2)) { Row("k = 7", .pilot { $0.textAggregation = .nearest(k: 7) }); Table(.perTask) }
        XCTAssertEqual(studyProblem { try two.validate() }, .topKOutOfRange(row: "k = 7", k: 7, clients: 6))
        let zero = study { Row("k = 0", .pilot { $0.textAggregation = .nearest(k: 0) }); Table(.perTask) }
        XCTAssertEqual(studyProblem { try zero.validate() }, .topKOutOfRange(row: "k = 0", k: 0, clients: 9))
    }

    func testAnEmptyStudyIsRefused() {
        XCTAssertEqual(studyProblem { try self.study { Table(.perTask) }.validate() }, .noRows)
        XCTAssertEqual(studyProblem { try self.study { Row("Local", .local) }.validate() }, .noOutputs)
    }

    func testDuplicateStudyNamesAreRefusedByCatalogAndPlan() {
        let a = study("same") { Row("Local", .local); Table(.perTask) }
        let b = study("same") { Row("FedAvg", .fedAvg); Table(.perTask) }
        XCTAssertThrowsError(try StudyCatalog([a, b])) { XCTAssertEqual($0 as? StudyError, StudyError(study: "same", problem: .duplicateStudyName)) }
        XCTAssertEqual(studyProblem { _ = try StudyPlan(studies: [a, b], settings: StudyFixtures.smoke) }, .duplicateStudyName)
    }

    func testDuplicateRowLabelsAreRefused() {
        let s = study { Row("Pilot", .pilot(PilotOptions())); Row("Pilot", .pilot { $0.differenceLoss = false }); Table(.perTask) }
        XCTAssertEqual(studyProblem { try s.validate() }, .duplicateRowLabel("Pilot"))
    }

    func testZeroSeedsOrRoundsAreRefused() {
        XCTAssertEqual(studyProblem { try self.study { Seeds(0); Row("Local", .local); Table(.perTask) }.validate() }, .nonPositiveSeeds(0))
        XCTAssertEqual(studyProblem { try self.study { Rounds(0); Row("Local", .local); Table(.perTask) }.validate() }, .nonPositiveRounds(0))
        let fine = study { Row("Local", .local); Table(.perTask) }
        XCTAssertEqual(studyProblem { _ = try StudyPlan(studies: [fine], settings: StudyFixtures.settings(seeds: 0)) }, .nonPositiveSeeds(0))
    }

    func testFiguresMustNameDeclaredRowsAndUsableFileNames() {
        let s = study { Row("Local", .local); Figure(.difference(row: "Shepherd", baseline: "Local")) }
        XCTAssertEqual(studyProblem { try s.validate() }, .unknownRow("Shepherd", figure: "difference"))
        let twice = study { Row("Local", .local); Figure(.taskBars); Figure(.clientBars, name: "tasks") }
        XCTAssertEqual(studyProblem { try twice.validate() }, .invalidFigureName("tasks"))
        let topK = study { Row("Local", .local); Figure(.topKLine) }
        XCTAssertEqual(studyProblem { try topK.validate() }, .noTopKRows(figure: "topk"))
        XCTAssertEqual(studyProblem { try self.study("Bad Name") { Row("Local", .local); Table(.perTask) }.validate() }, .invalidName)
        XCTAssertEqual(studyProblem { try self.study { Row("Local", .local); Table(.perTask); Table(.perClient) }.validate() }, .severalTables(2))
    }

    func testUnavailableStudiesAndRepeatedSettingsFail() {
        let s = study { Row("Pilot", .pilot(PilotOptions())); Unavailable("CT-CLIP not available"); Table(.perTask) }
        XCTAssertEqual(studyProblem { try s.validate() }, .unavailable("CT-CLIP not available"))
        XCTAssertEqual("\(s.problems[0])", "study s: CT-CLIP not available")
        let twice = study { Seeds(2); Seeds(3); Row("Local", .local); Table(.perTask) }
        XCTAssertEqual(studyProblem { try twice.validate() }, .repeatedSetting("Seeds"))
    }

    func testSelectingAnUnknownStudyNamesTheKnownOnes() throws {
        let catalog = try StudyCatalog([study("a") { Row("Local", .local); Table(.perTask) }])
        XCTAssertEqual(studyProblem { _ = try catalog.select(["b"]) }, .unknownStudy(known: ["a"]))
        XCTAssertEqual(try catalog.select([]).map(\.name), ["a"])
    }
}
