import Foundation
import Report
import XCTest

/// Atomic text writes: complete contents, replaced whole, no temporaries left.
final class ReportFileTests: ReportTestCase {
    func testWritesAndReplacesTextWithoutLeavingTemporaries() throws {
        let url = directory.appendingPathComponent("nested/table.md")
        try ReportFile.write("first ±\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "first ±\n")
        try ReportFile.write("second\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "second\n")
        XCTAssertEqual(try contents(of: url.deletingLastPathComponent()), ["table.md"])
    }

    func testAnUnwritableDestinationIsAReportError() throws {
        let blocker = directory.appendingPathComponent("file")
        try ReportFile.write("x", to: blocker)
        XCTAssertThrowsError(try ReportFile.write("y", to: blocker.appendingPathComponent("inside.md"))) { error in
            guard case .writeFailed(let path, _) = error as? ReportError else { return XCTFail("unexpected \(error)") }
            XCTAssertTrue(path.hasSuffix("file/inside.md"))
        }
    }
}
