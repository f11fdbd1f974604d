import Checkpoint
import Federated
import Foundation
import Training
import TestSupport
import XCTest

/// Several processes on one runs directory: `pilot study run --jobs 2`, and two `pilot study run` started side by side,
/// train every run exactly once and end with the same bytes as one process alone.
final class StudyWorkersTests: XCTestCase {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-workers-\(getpid())")

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    /// `pilot study run` of figure 1(b) (Local and Shepherd, one seed) into `name`'s runs and figures; stderr to a file.
    func start(_ name: String, runs: String? = nil, extra: [String] = [], base: URL) throws -> (Process, URL) {
        let runs = directory.appendingPathComponent(runs ?? "\(name)-runs").path
        let out = directory.appendingPathComponent("\(name)-out")
        let log = directory.appendingPathComponent("\(name).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let child = Process()
        child.executableURL = try PilotProcess.executable()
        child.arguments = ["study", "run", "--study", "figure1b", "--scale", "smoke", "--seeds", "1", "--base", base.path,
                           "--runs", runs, "--out", out.path, "--paper-repro", out.appendingPathComponent("paper-repro.md").path] + extra
        child.standardOutput = FileHandle.nullDevice
        child.standardError = try FileHandle(forWritingTo: log)
        try child.run()
        return (child, log)
    }

    func finish(_ started: (Process, URL)) throws -> String {
        started.0.waitUntilExit()
        let log = try String(contentsOf: started.1, encoding: .utf8)
        XCTAssertEqual(started.0.terminationStatus, 0, log)
        return log
    }

    /// Run directory names that `log` says this process started training.
    func started(in log: String) -> [String] {
        log.split(separator: "\n").compactMap { line in
            guard line.contains(": starting (") else { return nil }
            return line.split(separator: " ").first { $0.contains("-seed") }.map(String.init)?.replacingOccurrences(of: ":", with: "")
        }
    }

    /// Every file under `url`, by relative path.
    func files(under url: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let root = url.resolvingSymlinksInPath().path
        for case let file as URL in FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)! where !file.hasDirectoryPath {
            out[String(file.resolvingSymlinksInPath().path.dropFirst(root.count + 1))] = try Data(contentsOf: file)
        }
        return out
    }

    /// Every checkpoint's tensors and attributes but the wall-clock times, by run directory.
    func checkpoints(in runs: String) throws -> [String: TensorArchive] {
        let url = directory.appendingPathComponent(runs)
        var out: [String: TensorArchive] = [:]
        for run in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            var archive = try HDF5Store.read(from: url.appendingPathComponent(run).appendingPathComponent("run.h5"))
            for name in RunHistory.wallClockTensorNames { archive.tensors[name] = nil }
            out[run] = archive
        }
        return out
    }

    func testJobsAndSideBySideProcessesTrainEachRunOnceWithOneProcesssBytes() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let base = try TinyBase.url(in: directory)
        let alone = try finish(try start("alone", extra: ["--jobs", "1"], base: base))
        XCTAssertEqual(started(in: alone).count, 2, alone)

        let jobs = try finish(try start("jobs", extra: ["--jobs", "2"], base: base))
        XCTAssertTrue(jobs.contains("2 worker processes, 1 thread each"), jobs)
        XCTAssertEqual(started(in: jobs).sorted(), started(in: alone).sorted(), "each run started once over both workers\n\(jobs)")

        // Two independent commands on one runs directory; both render once every run is done.
        let a = try start("side-a", runs: "shared-runs", extra: ["--jobs", "1"], base: base)
        let b = try start("side-b", runs: "shared-runs", extra: ["--jobs", "1"], base: base)
        let logs = [try finish(a), try finish(b)]
        XCTAssertEqual(logs.flatMap(started).sorted(), started(in: alone).sorted(), "each run trained by one of them\n\(logs.joined())")

        let reference = try files(under: directory.appendingPathComponent("alone-out"))
        XCTAssertFalse(reference.isEmpty)
        for name in ["jobs-out", "side-a-out", "side-b-out"] {
            XCTAssertEqual(try files(under: directory.appendingPathComponent(name)), reference, "\(name): the same tables and figures")
        }
        let trained = try checkpoints(in: "alone-runs")
        XCTAssertEqual(trained.count, 2)
        for runs in ["jobs-runs", "shared-runs"] {
            let other = try checkpoints(in: runs)
            XCTAssertEqual(Set(other.keys), Set(trained.keys))
            for (run, archive) in trained {
                XCTAssertEqual(other[run]?.tensors, archive.tensors, "\(runs)/\(run): the same tensors as one process alone")
            }
        }
    }
}
