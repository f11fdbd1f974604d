import Foundation
import TestSupport
import XCTest

/// `pilot study submit` refuses what it cannot do with one line and a non-zero exit, before writing anything.
/// (Submission itself, and sbatch's own refusals, are tested on a real Slurm by scripts/slurm-e2e.sh.)
final class StudySubmitCommandTests: XCTestCase {
    func submit(_ arguments: [String], path: String) throws -> (status: Int32, stderr: String) {
        let child = Process()
        child.executableURL = try PilotProcess.executable()
        child.arguments = ["study", "submit"] + arguments
        child.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { _, new in new }
        let err = Pipe()
        child.standardOutput = FileHandle.nullDevice
        child.standardError = err
        try child.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        return (child.terminationStatus, text)
    }

    func testWithoutSbatchItSaysSoInOneLine() throws {
        let runs = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-submit-\(getpid())")
        defer { try? FileManager.default.removeItem(at: runs) }
        let result = try submit(["--slurm", "--scale", "smoke", "--runs", runs.path], path: "/nonexistent")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("no sbatch on the PATH"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: runs.appendingPathComponent("slurm").path), "nothing written")
    }

    func testAnUnknownStudyOrNoSchedulerIsRefused() throws {
        let unknown = try submit(["--slurm", "--study", "table99"], path: "/usr/bin:/bin")
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("table99"), unknown.stderr)
        XCTAssertFalse(unknown.stderr.contains("Fatal error"), unknown.stderr)
        let noScheduler = try submit([], path: "/usr/bin:/bin")
        XCTAssertNotEqual(noScheduler.status, 0)
        XCTAssertTrue(noScheduler.stderr.contains("--slurm"), noScheduler.stderr)
    }
}
