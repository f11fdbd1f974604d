import Foundation
import Report
import XCTest

/// A test case with a fresh temporary directory and sample charts of every kind.
class ReportTestCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A new empty directory inside the test's directory.
    func subdirectory(_ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The names of the files in `url`, hidden ones included, sorted.
    func contents(of url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    static let bars = Chart(
        name: "table1_bars", title: "Visual scenario: score per task", xLabel: "task", yLabel: "score",
        kind: .groupedBars(categories: ["GQA", "COCO", "RefCOCO"], series: [
            .init(name: "Local", values: [Statistic([40, 41, 39]), Statistic([30, 32]), Statistic([20])]),
            .init(name: "Pilot", values: [Statistic([48, 49, 47]), Statistic([35, 36]), Statistic([25])]),
        ]), yBounds: 0 ... 50)

    static let lines = Chart(
        name: "rounds", title: "Score per round", xLabel: "round", yLabel: "score",
        kind: .lines([
            .init(name: "FedAvg", points: [.init(x: 1, y: Statistic([10, 12])), .init(x: 2, y: Statistic([20, 21])), .init(x: 3, y: Statistic([25, 27]))]),
            .init(name: "Pilot", points: [.init(x: 1, y: Statistic([11, 13])), .init(x: 2, y: Statistic([24, 22])), .init(x: 3, y: Statistic([30, 31]))]),
        ]), zeroLine: true)

    static let scatter = Chart(
        name: "communication", title: "Score against communicated parameters", xLabel: "parameters per round",
        yLabel: "score",
        kind: .scatter([
            .init(label: "FedAvg", x: 2_359_296, y: Statistic([30, 31])),
            .init(label: "Pilot's \"connector\"", x: 131_072, y: Statistic([35, 36])),
            .init(label: "FedDPA", x: 4_718_592, y: Statistic([33])),
        ]), logScaleX: true)
}
