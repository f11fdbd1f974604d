import Files
import Foundation
import XCTest

/// The real name only ever holds a complete version; a failed write leaves the previous one and no temporary.
final class AtomicFileTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pilot-files-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testWritesCreatesTheDirectoryAndReplacesWhole() throws {
        let url = directory.appendingPathComponent("nested/a.txt")
        try AtomicFile.write(to: url) { try Data("first".utf8).write(to: URL(fileURLWithPath: $0)) }
        try AtomicFile.write(to: url) { try Data("second".utf8).write(to: URL(fileURLWithPath: $0)) }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), ["a.txt"])
    }

    func testAFailedWriteKeepsThePreviousFileAndNoTemporary() throws {
        struct Crash: Error {}
        let url = directory.appendingPathComponent("b.txt")
        try AtomicFile.write(to: url) { try Data("kept".utf8).write(to: URL(fileURLWithPath: $0)) }
        XCTAssertThrowsError(try AtomicFile.write(to: url) { path in
            try Data("half".utf8).write(to: URL(fileURLWithPath: path))
            throw Crash()
        }) { XCTAssertTrue($0 is Crash, "\($0)") }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "kept")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["b.txt"])
    }

    func testAWriterThatLeavesNoFileIsAFileErrorOnOneLine() throws {
        let url = directory.appendingPathComponent("c.txt")
        XCTAssertThrowsError(try AtomicFile.write(to: url) { _ in }) { error in
            guard let error = error as? FileError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.operation, "flush")
            XCTAssertTrue(error.description.hasPrefix(error.path + ": cannot flush: "), error.description)
            XCTAssertFalse(error.description.contains("\n"), error.description)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }
}
