import TestSupport
import XCTest

/// `pilot run` refuses bad options with one clear line and a non-zero exit, before any work.
final class RunCommandTests: XCTestCase {
    func testServerLearningRateIsFedAdamsAndPositive() throws {
        let other = try PilotProcess.run(["run", "--method", "fedavg", "--server-learning-rate", "1e-3", "--out", "/nonexistent/never"])
        XCTAssertNotEqual(other.status, 0)
        XCTAssertTrue(other.stderr.contains("--server-learning-rate is FedAdam's; it needs --method fedadam"), other.stderr)
        let negative = try PilotProcess.run(["run", "--method", "fedadam", "--server-learning-rate=-1", "--out", "/nonexistent/never"])
        XCTAssertNotEqual(negative.status, 0)
        XCTAssertTrue(negative.stderr.contains("--server-learning-rate must be positive"), negative.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/nonexistent/never"))
    }
}
