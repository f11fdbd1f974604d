import Checkpoint
import Foundation
import TestSupport
import XCTest

/// `--test-per-client`: a larger (or smaller) test set at a scale's training and validation sizes, as distinct runs.
final class TestPerClientOptionTests: XCTestCase {
    func testTheOverrideMakesDistinctRunsAndKeepsTheValidationSize() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-testsize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = { (extra: [String]) in
            try PilotProcess.output(["study", "plan", "--scale", "smoke", "--study", "table1", "--seeds", "1",
                                     "--runs", dir.appendingPathComponent("runs").path] + extra)
        }
        let preset = try plan([]), larger = try plan(["--test-per-client", "12"])
        XCTAssertEqual(preset.status, 0, preset.stderr)
        XCTAssertEqual(larger.status, 0, larger.stderr)
        let names = { (text: String) in Set(text.split(separator: "\n").compactMap { $0.split(separator: " ").first { $0.contains("-seed0-") } }) }
        XCTAssertEqual(names(preset.stdout).count, 8)
        XCTAssertTrue(names(preset.stdout).isDisjoint(with: names(larger.stdout)), "a different test set is a different run")

        let base = try TinyBase.url(in: dir)
        let run = try PilotProcess.run(["run", "--method", "local", "--rounds", "1", "--epochs", "1", "--scale", "smoke",
                                        "--test-per-client", "12", "--base", base.path, "--out", dir.appendingPathComponent("out").path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let checkpoint = try XCTUnwrap(FileManager.default.enumerator(at: dir.appendingPathComponent("out"), includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.first { $0.lastPathComponent == "run.h5" })
        guard case let .string(json)? = try HDF5Store.read(from: checkpoint, group: "metrics").attributes["run_config"],
              let config = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let scenario = config["scenario"] as? [String: Any], let scale = scenario["scale"] as? [String: Any] else {
            return XCTFail("no run_config in \(checkpoint.path)")
        }
        XCTAssertEqual(scale["testPerClient"] as? Int, 12)
        XCTAssertEqual(scale["validationPerClient"] as? Int, 8, "validation keeps smoke's size")
    }

    func testANonPositiveSizeIsRefusedInOneLine() throws {
        let zero = try PilotProcess.run(["run", "--scale", "smoke", "--test-per-client", "0", "--out", "/nonexistent/never"])
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertTrue(zero.stderr.contains("--test-per-client must be at least 1, got 0"), zero.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/nonexistent/never"))
    }
}
