import TestSupport
import XCTest

/// `pilot data baselines` refuses a bad `--tasks` list with one clear line and a non-zero exit, before any work.
final class DataBaselinesCommandTests: XCTestCase {
    func testTasksMustBeKnownAndDistinct() throws {
        let out = "/nonexistent/never.md"
        let unknown = try PilotProcess.run(["data", "baselines", "--tasks", "gqa,vqav2", "--base-dir", "/nonexistent/base", "--out", out])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("unknown task 'vqav2' (valid: gqa, coco, refcoco, scienceqa, ocrvqa)"), unknown.stderr)
        let twice = try PilotProcess.run(["data", "baselines", "--tasks", "gqa,scienceqa,gqa", "--base-dir", "/nonexistent/base", "--out", out])
        XCTAssertNotEqual(twice.status, 0)
        XCTAssertTrue(twice.stderr.contains("--tasks names gqa twice"), twice.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/nonexistent/base"), "refused before building a base")
    }
}
