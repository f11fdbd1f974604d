import Foundation
import TestSupport
import XCTest

/// `--bases`: every seed planned on each base, the other bases' runs named by their base, bad counts refused in one line.
final class BasesCommandTests: XCTestCase {
    func testAPlanOnTwoBasesListsEachSeedOnEachBase() throws {
        let runs = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-bases-\(getpid())").path
        let plan = try PilotProcess.output(["study", "plan", "--scale", "smoke", "--study", "table6", "--seeds", "1", "--bases", "2",
                                            "--runs", runs])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        XCTAssertTrue(plan.stdout.contains("table6/Random seed 0 on base 1"), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("pilot-visual-base1-seed0-"), plan.stdout)
        XCTAssertTrue(plan.stdout.contains("4 distinct runs"), plan.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runs), "planning writes nothing")
    }

    func testBadBaseCountsAreRefusedInOneLine() throws {
        let zero = try PilotProcess.run(["pretrain", "--scale", "smoke", "--bases", "0", "--base-dir", "/nonexistent/never"])
        XCTAssertNotEqual(zero.status, 0)
        XCTAssertTrue(zero.stderr.contains("--bases must be at least 1, got 0"), zero.stderr)
        let oneFile = try PilotProcess.run(["pretrain", "--scale", "smoke", "--bases", "2", "--base", "/nonexistent/base.h5"])
        XCTAssertNotEqual(oneFile.status, 0)
        XCTAssertTrue(oneFile.stderr.contains("--base names one file; --bases needs --base-dir"), oneFile.stderr)
        let study = try PilotProcess.run(["study", "run", "--scale", "smoke", "--study", "table6", "--bases", "2",
                                          "--base", "/nonexistent/base.h5", "--runs", "/nonexistent/never"])
        XCTAssertNotEqual(study.status, 0)
        XCTAssertTrue(study.stderr.contains("--base names one file, but the plan runs on 2 bases; use --base-dir"), study.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/nonexistent/never"))
    }
}
