import Checkpoint
import Foundation
import Tensors
import TestSupport
import XCTest

/// A writer killed with SIGKILL at an arbitrary moment never leaves a damaged file under the real name.
final class KilledWriterTests: XCTestCase {
    func testKillNineDuringRewritesLeavesACompleteArchive() throws {
        let pilot = try PilotProcess.executable()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("run.h5")
        var rng = RandomStream(seed: 1)
        for attempt in 0..<5 {
            let child = Process()
            child.executableURL = pilot
            child.arguments = ["archive-stress", "--out", target.path, "--elements", "\(1 << 19)"]
            try child.run()
            // Wait for the first complete version, then kill at a random moment of a later write.
            let deadline = Date().addingTimeInterval(30)
            while !FileManager.default.fileExists(atPath: target.path) && Date() < deadline { usleep(2_000) }
            usleep(UInt32(20_000 + rng.nextInt(below: 150_000)))
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            XCTAssertEqual(child.terminationReason, .uncaughtSignal, "attempt \(attempt): the writer finished before it was killed")
            let archive = try HDF5Store.read(from: target)
            let iteration = try XCTUnwrap(archive.attributes["iteration"]?.intValue)
            XCTAssertEqual(archive.tensors.count, 3)
            for (_, t) in archive.tensors { XCTAssertTrue(t.scalars.allSatisfy { $0 == Float(iteration) }) }
        }
    }
}
