import Foundation
import PaperStudies
import XCTest

/// `Studies.all` is a plain list: this test fails when a study declared in a file of `Studies/` is missing from it.
final class StudyListTests: XCTestCase {
    /// The repository's `Studies/` folder, found from this file's path.
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Studies")

    /// The properties declared as studies in `text`: `static let NAME = Study(` or `static let NAME: Study`.
    func declaredStudies(in text: String) throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"static\s+(?:let|var)\s+(\w+)\s*(?::\s*Study\b|=\s*Study\s*\()"#)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    func testEveryDeclaredStudyIsListedOnce() throws {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "Studies.swift" }
        let declared = try files.flatMap { try declaredStudies(in: String(contentsOf: $0, encoding: .utf8)) }
        XCTAssertGreaterThanOrEqual(declared.count, 10, "the paper's studies and the tuning studies are found")
        let list = try String(contentsOf: folder.appendingPathComponent("Studies.swift"), encoding: .utf8)
        let body = String(list[list.range(of: "public static let all")!.upperBound...])
        for name in declared {
            let uses = try NSRegularExpression(pattern: "\\b\(name)\\b").numberOfMatches(in: body, range: NSRange(body.startIndex..., in: body))
            XCTAssertEqual(uses, 1, "\(name) is declared in Studies/ but listed \(uses) times in Studies.all (Studies/Studies.swift)")
        }
        XCTAssertEqual(Studies.all.count, declared.count, "Studies.all lists something not declared as a study")
        XCTAssertEqual(Set(Studies.all.map(\.name)).count, Studies.all.count, "study names are unique")
    }

    func testTheDeclarationPatternFindsEveryForm() throws {
        let source = """
        extension Studies {
            static let first = Study("first", title: "A") { }
            public static let second: Study = tuning("second", title: "B")
            static var third: Study { Study("third", title: "C") { } }
            static let notAStudy = 3
        }
        """
        XCTAssertEqual(try declaredStudies(in: source), ["first", "second", "third"])
    }
}
