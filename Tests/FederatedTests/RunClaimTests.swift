@testable import Federated
import Foundation
import XCTest

/// A run directory is trained by one process at a time: the claim excludes others and dies with its holder.
final class RunClaimTests: XCTestCase {
    func freshDirectory(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-claim-\(getpid())-\(name)")
        try? FileManager.default.removeItem(at: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testAClaimExcludesEveryOtherUntilReleased() throws {
        let run = freshDirectory("exclusive").appendingPathComponent("local-visual-seed0-00000000")
        XCTAssertNil(RunClaim.holder(of: run), "nobody holds a run that does not exist yet")
        let first = try XCTUnwrap(RunClaim.acquire(run), "the first claim succeeds and creates the directory")
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.path))
        XCTAssertNil(try RunClaim.acquire(run), "a second claim, even from this process, is refused while the first is held")
        XCTAssertEqual(RunClaim.holder(of: run), "pid \(getpid()) on \(ProcessInfo.processInfo.hostName)")
        first.release()
        XCTAssertNil(RunClaim.holder(of: run), "a released claim has no holder")
        XCTAssertNotNil(try RunClaim.acquire(run), "and can be claimed again")
    }

    func testAWaitingClaimGetsTheRunWhenTheHolderLetsGo() throws {
        let run = freshDirectory("wait")
        let held = try XCTUnwrap(RunClaim.acquire(run))
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { held.release() }
        let start = Date()
        XCTAssertNotNil(try RunClaim.acquire(run, wait: true))
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.25, "it waited for the release")
    }

    func testTheClaimOfAKilledProcessIsFree() throws {
        let run = freshDirectory("killed")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        // Another process holds the lock file the way a worker does (util-linux `flock`, replaced by `sleep` without a
        // fork, so the process that holds the lock is the one killed), then dies by SIGKILL.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", "--no-fork", run.appendingPathComponent(RunClaim.fileName).path, "sleep", "60"]
        try holder.run()
        var refused = false
        for _ in 0..<100 where !refused {            // until the child has taken the lock
            refused = try RunClaim.acquire(run) == nil
            if !refused { usleep(20_000) }
        }
        XCTAssertTrue(refused, "a live holder in another process keeps the run")
        XCTAssertNotNil(RunClaim.holder(of: run))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        XCTAssertNotNil(try RunClaim.acquire(run), "the kernel released the dead holder's lock")
    }

    func testAnUnwritablePlaceIsOneClearError() throws {
        XCTAssertThrowsError(try RunClaim.acquire(URL(fileURLWithPath: "/proc/pilot-cannot-be-here/run"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("cannot claim /proc/pilot-cannot-be-here/run"), text)
            XCTAssertFalse(text.contains("\n"), text)
        }
    }
}
