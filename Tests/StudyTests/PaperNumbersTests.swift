import Foundation
import PaperStudies
import Study
import XCTest

/// `PaperNumbers` and the claims' quotes against the paper's text, which this repository does not hold: `$PILOT_PAPER` names
/// it (`.ci/run` sets it); without it the tests are skipped, saying why.
final class PaperNumbersTests: XCTestCase {
    /// The transcription's lines; skips the test when the file is not on this machine.
    func paperLines() throws -> [String] {
        guard let path = ProcessInfo.processInfo.environment["PILOT_PAPER"] else {
            throw XCTSkip("PILOT_PAPER is not set: the paper's text is not part of this repository (CI sets it)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw XCTSkip("PILOT_PAPER=\(path): no such file") }
        return text.components(separatedBy: "\n")
    }

    /// The rows of the table whose header line starts with `header`: after the `---` rule and the client header,
    /// the lines up to the next one without a digit (the next table's header, or prose without a `|`).
    func rows(after header: String, in lines: [String]) throws -> [[String]] {
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(header) }, header)
        return lines[(start + 1)...].filter { !$0.hasPrefix("---") && !$0.contains("Client 1") }
            .prefix { $0.contains("|") && $0.contains(where: \.isNumber) }
            .map { $0.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The numbers in `cells` (after the label when `labelled`): plain values, "Centralized test result: x", or "0.5B".
    func numbers(_ cells: [String], labelled: Bool) -> [Double] {
        cells.dropFirst(labelled ? 1 : 0).compactMap { cell in
            let token = cell.components(separatedBy: " ").last ?? cell
            return Double(token.hasSuffix("B") ? String(token.dropLast()) : token)
        }
    }

    func testEveryNumberMatchesTheTranscription() throws {
        let lines = try paperLines()
        let headers = ["Methods | GQA | Caption COCO", "Methods | GQA | ScienceQA", "ATA | Loss", "Methods | GQA | COCO | RefCOCO | AP",
                       "Selection Strategy", "Initialization Strategy"]
        for (table, header) in zip(PaperNumbers.tables, headers) {
            let printed = try rows(after: header, in: lines)
            XCTAssertEqual(printed.count, table.rows.count, table.name)
            if table.study == "table3" { XCTAssertTrue(printed.allSatisfy { Double($0[0]) != nil }, "Table 3's check-mark labels are lost") }
            for (row, cells) in zip(table.rows, printed) {
                if table.study != "table3" { XCTAssertEqual(cells[0], row.paperLabel, table.name) }
                let values: [Double]
                switch row.scores {
                case let .perClient(v): values = v
                case let .perTask(v): values = v
                }
                XCTAssertEqual(numbers(cells, labelled: table.study != "table3"), values + row.costs.map(\.billions), "\(table.name) \(row.paperLabel)")
            }
        }
    }

    func testEveryClaimQuotesThePaperVerbatim() throws {
        let text = try paperLines().joined(separator: "\n")
        for claim in PaperClaims.all { XCTAssertTrue(text.contains(claim.quote), "(\(claim.id)) \(claim.quote)") }
    }
}
