import Foundation
import Tensors
import World
import XCTest

/// Scenarios give each of 9 clients its own disjoint train, validation and test sets, reproducibly, IID or skewed.
final class ScenarioTests: XCTestCase {
    func testPaperScenariosHaveNineClientsThreeTasks() throws {
        for kind in ScenarioKind.allCases {
            let s = try Scenario(.init(kind: kind, scale: .smoke))
            XCTAssertEqual(s.clients.count, 9)
            XCTAssertEqual(s.clients.map(\.task), kind.tasks.flatMap { Array(repeating: $0, count: 3) })
            XCTAssertEqual(s.clients.map(\.name).prefix(3), ["GQA-1", "GQA-2", "GQA-3"])
            for c in s.clients {
                XCTAssertEqual(c.train.count, ScalePreset.smoke.trainPerClient)
                XCTAssertEqual(c.test.count, ScalePreset.smoke.testPerClient)
                XCTAssertEqual(c.validation.count, ScalePreset.smoke.validationPerClient)
                XCTAssertTrue((c.train + c.validation).allSatisfy { $0.task == c.task })
            }
            let ids = s.clients.flatMap { $0.train.map(\.id) + $0.validation.map(\.id) + $0.test.map(\.id) }
            XCTAssertEqual(Set(ids).count, ids.count, "an example is in two places")
            let trainScenes = Set(s.clients.flatMap { $0.train.map(\.scene) })
            let testScenes = Set(s.clients.flatMap { $0.test.map(\.scene) })
            let validationScenes = Set(s.clients.flatMap { $0.validation.map(\.scene) })
            XCTAssertTrue(trainScenes.isDisjoint(with: testScenes))
            XCTAssertTrue(validationScenes.isDisjoint(with: trainScenes), "a validation picture is also a training picture")
            XCTAssertTrue(validationScenes.isDisjoint(with: testScenes), "a validation picture is also a test picture")
        }
        XCTAssertEqual(ScenarioKind.generalVQA.tasks, [.gqa, .scienceqa, .ocrvqa])
    }

    func testSameConfigSameDataOtherSeedOtherData() throws {
        let config = Scenario.Config(kind: .visual, scale: .smoke, dataSeed: 4)
        let a = try Scenario(config), b = try Scenario(config)
        XCTAssertEqual(a.clients, b.clients)
        var other = config
        other.dataSeed = 5
        XCTAssertNotEqual(a.clients.map { $0.train.map(\.scene) }, try Scenario(other).clients.map { $0.train.map(\.scene) })
    }

    func testClientsPerTaskIsAParameter() throws {
        let s = try Scenario(.init(kind: .generalVQA, scale: .smoke, clientsPerTask: 2))
        XCTAssertEqual(s.clients.count, 6)
        XCTAssertThrowsError(try Scenario(.init(kind: .visual, scale: .smoke, clientsPerTask: 0)))
    }

    func testDirichletSplitKeepsEveryExampleOnceAndSkewsCategories() throws {
        let scale = ScalePreset(name: "t", trainPerClient: 200, testPerClient: 200, validationPerClient: 200)
        let iid = try Scenario(.init(kind: .visual, scale: scale))
        let skewed = try Scenario(.init(kind: .visual, scale: scale, split: .dirichlet(alpha: 0.1)))
        for (a, b) in zip(iid.clients.chunked(3), skewed.clients.chunked(3)) {
            XCTAssertEqual(Set(a.flatMap { $0.train.map(\.id) }), Set(b.flatMap { $0.train.map(\.id) }))
            XCTAssertEqual(Set(a.flatMap { $0.test.map(\.id) }), Set(b.flatMap { $0.test.map(\.id) }))
            XCTAssertEqual(Set(a.flatMap { $0.validation.map(\.id) }), Set(b.flatMap { $0.validation.map(\.id) }))
        }
        func spread(_ s: Scenario) -> Double {        // mean over clients of the largest category share
            s.clients.map { c in
                let counts = Dictionary(grouping: c.train, by: \.category).values.map(\.count)
                return Double(counts.max()!) / Double(c.train.count)
            }.reduce(0, +) / Double(s.clients.count)
        }
        XCTAssertGreaterThan(spread(skewed), spread(iid) + 0.2)
        XCTAssertThrowsError(try Scenario(.init(kind: .visual, scale: .smoke, split: .dirichlet(alpha: -1))))
    }

    func testValidationSetsLeaveTrainingAndTestSetsAsTheyWere() throws {
        // The validation pool has its own stream and is split last, so its size changes no training or test item.
        let six = try Scenario(.init(kind: .generalVQA, scale: ScalePreset(name: "t", trainPerClient: 8, testPerClient: 4, validationPerClient: 6)))
        let two = try Scenario(.init(kind: .generalVQA, scale: ScalePreset(name: "t", trainPerClient: 8, testPerClient: 4, validationPerClient: 2)))
        XCTAssertEqual(six.clients.map(\.train), two.clients.map(\.train))
        XCTAssertEqual(six.clients.map(\.test), two.clients.map(\.test))
        XCTAssertEqual(six.clients.map(\.validation.count), Array(repeating: 6, count: 9))
        XCTAssertEqual(two.clients.map(\.validation.count), Array(repeating: 2, count: 9))
    }

    func testAConfigurationNamesTheGeneratorVersionsOfItsTasksPastTheirFirst() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let visual = String(decoding: try encoder.encode(Scenario.Config(kind: .visual, scale: .small)), as: UTF8.self)
        XCTAssertFalse(visual.contains("dataVersions"), "no task of the visual scenario changed: its runs keep their hashes")
        let general = String(decoding: try encoder.encode(Scenario.Config(kind: .generalVQA, scale: .small)), as: UTF8.self)
        XCTAssertTrue(general.contains("\"dataVersions\":{\"scienceqa\":\(TaskKind.scienceqa.dataVersion)}"), general)
        let decoded = try JSONDecoder().decode(Scenario.Config.self, from: Data(general.utf8))
        XCTAssertEqual(decoded, Scenario.Config(kind: .generalVQA, scale: .small))
    }

    func testAClientWithoutValidationOrTestItemsIsOneClearError() {
        let scale = ScalePreset(name: "t", trainPerClient: 8, testPerClient: 4, validationPerClient: 0)
        XCTAssertThrowsError(try Scenario(.init(kind: .visual, scale: scale))) { error in
            XCTAssertEqual("\(error)".contains("client 1 of GQA gets no validation data"), true, "\(error)")
        }
    }

    func testGammaDrawsHaveTheirMean() {
        var rng = RandomStream(seed: 1)
        for shape in [0.3, 1.0, 4.0] {
            let n = 20_000
            let mean = (0..<n).map { _ in rng.nextGamma(shape: shape) }.reduce(0, +) / Double(n)
            XCTAssertEqual(mean, shape, accuracy: 0.05 * shape + 0.02, "Gamma(\(shape)) mean")
        }
    }

    func testScaleNamesAndErrors() {
        XCTAssertEqual(try ScalePreset.named("small"), .small)
        XCTAssertThrowsError(try ScalePreset.named("huge")) { error in
            XCTAssertTrue("\(error)".contains("huge") && "\(error)".contains("smoke"))
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
