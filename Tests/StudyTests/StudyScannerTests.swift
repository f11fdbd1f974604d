import Foundation
import PaperStudies
import Study
import StudyScanner
import XCTest

/// The registry plugin's scanner finds exactly the documented declarations.
final class StudyScannerTests: XCTestCase {
    func testFindsStaticStudiesInsideExtensionsOfStudies() {
        let source = #"""
        import Study

        extension Studies {
            static let first = Study("first", title: "A { brace in a string") { Row("x", .local) }
            public static let second: Study = Study("second", title: "B") { }
            static var third: Study { Study("third", title: "C") { } }
            static let notAStudy = 3
            static func helper() -> Study { first }
            struct Nested { static let inner = Study("inner", title: "D") { } }
        }
        // extension Studies { static let commented = Study("c", title: "") {} }
        /* extension Studies { static let blocked = Study("b", title: "") {} } /* nested */ */
        let text = """
            extension Studies { static let quoted = Study("q", title: "") {} }
            """
        let raw = #"extension Studies { static let raw = Study("r", title: "\(x)") {} }"#
        extension Other { static let elsewhere = Study("e", title: "E") { } }
        extension Studies: Sendable {
            static let fourth = Study("fourth", title: "\(label("}")) F") { }
        }
        """#
        XCTAssertEqual(StudyScanner.declarations(in: source), ["first", "second", "third", "fourth"])
    }

    func testTheRegistryListsEveryFilesStudiesInFileOrder() {
        let registry = StudyScanner.registry(of: [
            .init(name: "B.swift", text: "extension Studies { static let b1 = Study(\"b1\", title: \"\") {}\n static let b2 = Study(\"b2\", title: \"\") {} }"),
            .init(name: "A.swift", text: "extension Studies { static let a = Study(\"a\", title: \"\") {} }"),
            .init(name: "Helpers.swift", text: "enum Helpers {}"),
        ])
        let entries = registry.split(separator: "\n").filter { $0.contains("// ") && $0.contains(".swift") && !$0.hasPrefix("//") }
        XCTAssertEqual(entries.map { $0.trimmingCharacters(in: .whitespaces) },
                       ["a,  // A.swift", "b1,  // B.swift", "b2,  // B.swift"])
        XCTAssertTrue(registry.contains("public enum Studies {"))
        XCTAssertTrue(registry.contains("public static let all: [Study] = ["))
    }

    func testTheGeneratedRegistryHoldsEveryStudyOfTheStudiesDirectory() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Studies").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
        let declared = try files.flatMap { StudyScanner.declarations(in: try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
        XCTAssertEqual(Studies.all.count, declared.count)
        XCTAssertEqual(Set(Studies.all.map(\.name)), ["table1", "table2", "table3", "table4", "table5", "table6", "figure1b", "difference-loss-form",
                                                         "tune-visual", "tune-general-vqa"])
    }
}
