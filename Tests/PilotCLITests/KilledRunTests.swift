import Checkpoint
import Federated
import Foundation
import Tensors
import TestSupport
import Training
import XCTest

/// `pilot run` killed with SIGKILL at a random moment and run again ends exactly where an uninterrupted run ends.
final class KilledRunTests: XCTestCase {
    /// The one checkpoint under `out` (a run writes `out/<run directory>/run.h5`).
    func checkpoint(in out: URL) throws -> URL? {
        let runs = (try? FileManager.default.contentsOfDirectory(at: out, includingPropertiesForKeys: nil)) ?? []
        XCTAssertLessThanOrEqual(runs.count, 1, "one run directory")
        return runs.map { $0.appendingPathComponent("run.h5") }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    func testKillNineAtARandomMomentThenRerunEndsBitIdenticalToAnUninterruptedRun() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-killrun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try TinyBase.url(in: dir)
        // Pilot exercises the most state: stage 1 then stage 2, task adapters on the server, ATA.
        let arguments = ["run", "--scenario", "visual", "--method", "pilot", "--rounds", "3", "--epochs", "1",
                         "--scale", "smoke", "--seed", "0", "--base", base.path]

        let reference = dir.appendingPathComponent("reference")
        let start = Date()
        let whole = try PilotProcess.run(arguments + ["--out", reference.path])
        let duration = Date().timeIntervalSince(start)
        XCTAssertEqual(whole.status, 0, whole.stderr)

        // A random moment of the run; should this run be quicker than the reference and end first, try an earlier one.
        var rng = RandomStream(seed: UInt64(Date().timeIntervalSince1970))
        let killed = dir.appendingPathComponent("killed")
        var latest = 0.9, context = ""
        for _ in 0..<4 {
            try? FileManager.default.removeItem(at: killed)
            let child = try PilotProcess.start(arguments + ["--out", killed.path])
            // Mostly after start-up (base, data), so that most kills leave a checkpoint to resume from.
            let moment = duration * latest * (0.35 + 0.65 * Double(rng.nextInt(below: 1000)) / 1000)
            usleep(UInt32(moment * 1_000_000))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            let survived = try checkpoint(in: killed).map { try HDF5Store.read(from: $0).attributes["completed_rounds"]?.intValue ?? -1 }
            context = "killed at \(String(format: "%.2f", moment)) s of \(String(format: "%.2f", duration)) s, "
                + "checkpoint after round \(survived.map(String.init) ?? "none")"
            if child.terminationReason == .uncaughtSignal { break }
            context = "never killed: the run always finished first"
            latest /= 2
        }
        XCTAssertFalse(context.hasPrefix("never"), context)
        let rerun = try PilotProcess.run(arguments + ["--out", killed.path])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let a = try HDF5Store.read(from: XCTUnwrap(checkpoint(in: reference)))
        let b = try HDF5Store.read(from: XCTUnwrap(checkpoint(in: killed)))
        XCTAssertEqual(b.attributes["completed_rounds"]?.intValue, 3, context)
        XCTAssertEqual(Set(a.tensors.keys), Set(b.tensors.keys), context)
        XCTAssertTrue(a.tensors.keys.contains("metrics/scores") && a.tensors.keys.contains("metrics/activated"))
        let differing = a.tensors.keys.filter { !RunHistory.wallClockTensorNames.contains($0) && a.tensors[$0] != b.tensors[$0] }.sorted()
        XCTAssertEqual(differing, [], "\(context): these differ from the uninterrupted run")
        XCTAssertEqual(a.attributes["config_hash"], b.attributes["config_hash"])
    }
}
