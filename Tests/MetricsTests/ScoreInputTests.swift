import Foundation
import Metrics
import XCTest

/// Reading and checking `pilot score`'s input files: every error names the file and the problem.
final class ScoreInputTests: XCTestCase {
    func input(_ metric: Metric, predictions: String, references: String) throws -> ScoreInput {
        try ScoreInput(metric: metric, predictions: Data(predictions.utf8), predictionsFile: "P.json",
                       references: Data(references.utf8), referencesFile: "R.json")
    }

    /// Asserts that loading fails with `problem` in `file`, and that the message is one line naming the file.
    func assertFails(_ metric: Metric, predictions: String, references: String,
                     file: String, problem: ScoreInputError.Problem, line: UInt = #line) {
        XCTAssertThrowsError(try input(metric, predictions: predictions, references: references), line: line) { error in
            guard let error = error as? ScoreInputError else { return XCTFail("not a ScoreInputError: \(error)", line: line) }
            XCTAssertEqual(error.file, file, line: line)
            XCTAssertEqual(error.problem, problem, line: line)
            XCTAssertTrue(error.description.hasPrefix("\(file): "), error.description, line: line)
            XCTAssertFalse(error.description.contains("\n"), error.description, line: line)
        }
    }

    func testValidTextInputScores() throws {
        let loaded = try input(.accuracy, predictions: #"{"a": "Yes", "b": "no"}"#, references: #"{"a": ["yes"], "b": ["yes", "maybe"]}"#)
        XCTAssertEqual(loaded.predictions, ["a": "Yes", "b": "no"])
        XCTAssertEqual(loaded.references, .texts(["a": ["yes"], "b": ["yes", "maybe"]]))
        XCTAssertEqual(loaded.score().score, .number(0.5))
    }

    func testValidBoxInputScores() throws {
        let loaded = try input(.iou, predictions: #"{"a": "[0, 0, 10, 10]", "b": "no box"}"#,
                               references: #"{"a": [0, 0, 10, 5], "b": [1, 2, 3.5, 4]}"#)
        XCTAssertEqual(loaded.references, .boxes(["a": BoundingBox(x1: 0, y1: 0, x2: 10, y2: 5),
                                                  "b": BoundingBox(x1: 1, y1: 2, x2: 3.5, y2: 4)]))
        let result = loaded.score()
        XCTAssertEqual(result.score, .number(0.5))
        XCTAssertEqual(result.perItem, ["a": .number(0.5), "b": .number(0)])
    }

    func testMissingFile() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).json").path
        XCTAssertThrowsError(try ScoreInput.load(metric: .cider, predictionsFile: missing, referencesFile: missing)) { error in
            XCTAssertEqual(error as? ScoreInputError, ScoreInputError(file: missing, problem: .notFound))
            XCTAssertEqual((error as? ScoreInputError)?.description, "\(missing): no such file")
        }
    }

    func testLoadReadsFilesFromDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("score-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let predictions = directory.appendingPathComponent("p.json"), references = directory.appendingPathComponent("r.json")
        try Data(#"{"1": "The answer is B."}"#.utf8).write(to: predictions)
        try Data(#"{"1": ["B"]}"#.utf8).write(to: references)
        let loaded = try ScoreInput.load(metric: .letter, predictionsFile: predictions.path, referencesFile: references.path)
        XCTAssertEqual(loaded.score().score, .number(1))
        XCTAssertThrowsError(try ScoreInput.load(metric: .letter, predictionsFile: directory.path, referencesFile: references.path)) { error in
            XCTAssertEqual(error as? ScoreInputError, ScoreInputError(file: directory.path, problem: .unreadable("it is a directory")))
        }
    }

    func testMalformedJSON() {
        // The reason text comes from Foundation's parser and differs between platforms: only its presence is checked.
        for (predictions, references, file) in [(#"{"a": "x""#, #"{"a": ["x"]}"#, "P.json"), ("", #"{"a": ["x"]}"#, "P.json"),
                                                (#"{"a": "x"}"#, "not json", "R.json")] {
            XCTAssertThrowsError(try input(.cider, predictions: predictions, references: references)) { error in
                guard let error = error as? ScoreInputError, case .malformedJSON(let reason) = error.problem else {
                    return XCTFail("not malformed JSON: \(error)")
                }
                XCTAssertEqual(error.file, file)
                XCTAssertFalse(reason.isEmpty)
                XCTAssertTrue(error.description.hasPrefix("\(file): is not valid JSON ("), error.description)
                XCTAssertFalse(error.description.contains("\n"), error.description)
            }
        }
    }

    func testWrongValueTypes() {
        assertFails(.cider, predictions: #"["a", "b"]"#, references: #"{"a": ["x"]}"#, file: "P.json",
                    problem: .wrongType(at: "the top level", expected: "a JSON object mapping each id to a string"))
        assertFails(.cider, predictions: #"{"a": 3}"#, references: #"{"a": ["x"]}"#, file: "P.json",
                    problem: .wrongType(at: "the value of id \"a\"", expected: "a string"))
        assertFails(.cider, predictions: #"{"a": null}"#, references: #"{"a": ["x"]}"#, file: "P.json",
                    problem: .wrongType(at: "the value of id \"a\"", expected: "a string"))
        assertFails(.cider, predictions: #"{"a": "x"}"#, references: #"{"a": "x"}"#, file: "R.json",
                    problem: .wrongType(at: "the value of id \"a\"", expected: "a list of strings"))
        assertFails(.cider, predictions: #"{"a": "x"}"#, references: #"{"a": ["x", 2]}"#, file: "R.json",
                    problem: .wrongType(at: "element 1 of id \"a\"", expected: "a string"))
        assertFails(.iou, predictions: #"{"a": "[1, 2, 3, 4]"}"#, references: #"{"a": ["1", 2, 3, 4]}"#, file: "R.json",
                    problem: .wrongType(at: "element 0 of id \"a\"", expected: "a number"))
        assertFails(.iou, predictions: #"{"a": [1, 2, 3, 4]}"#, references: #"{"a": [1, 2, 3, 4]}"#, file: "P.json",
                    problem: .wrongType(at: "the value of id \"a\"", expected: "a string"))
    }

    func testReferenceBoxesNeedFourNumbers() {
        assertFails(.iou, predictions: #"{"a": "[1, 2, 3, 4]"}"#, references: #"{"a": [1, 2, 3]}"#, file: "R.json",
                    problem: .invalidBox(id: "a", values: [1, 2, 3]))
    }

    func testEmptyReferenceListsAreRejected() {
        assertFails(.bleu, predictions: #"{"a": "x", "b": "y"}"#, references: #"{"a": ["x"], "b": []}"#, file: "R.json",
                    problem: .noReferences(id: "b"))
    }

    func testEmptySets() {
        assertFails(.accuracy, predictions: "{}", references: #"{"a": ["x"]}"#, file: "P.json", problem: .empty)
        assertFails(.accuracy, predictions: #"{"a": "x"}"#, references: "{}", file: "R.json", problem: .empty)
    }

    func testIDsMissingFromEitherSide() {
        assertFails(.accuracy, predictions: #"{"a": "x", "b": "y", "c": "z"}"#, references: #"{"a": ["x"]}"#, file: "P.json",
                    problem: .unmatchedIDs(["b", "c"], otherFile: "R.json"))
        assertFails(.accuracy, predictions: #"{"a": "x"}"#, references: #"{"a": ["x"], "q": ["y"]}"#, file: "R.json",
                    problem: .unmatchedIDs(["q"], otherFile: "P.json"))
    }

    func testUnmatchedIDMessagesStayOneLineForManyIDs() {
        let ids = (0..<8).map { "id\($0)" }
        let error = ScoreInputError(file: "P.json", problem: .unmatchedIDs(ids, otherFile: "R.json"))
        XCTAssertEqual(error.description,
                       #"P.json: 8 id(s) missing from R.json: "id0", "id1", "id2", "id3", "id4" and 3 more"#)
    }
}
