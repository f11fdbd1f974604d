import Foundation
import Tensors
import World
import XCTest

/// Each task's examples have the paper's answer format and answers that are true of their pictures.
final class TaskTests: XCTestCase {
    func examples(_ task: TaskKind, _ n: Int = 300) -> [Example] {
        task.examples(count: n, prefix: task.rawValue, rng: RandomStream(seed: 21).split(4))
    }

    func testExamplesDependOnlyOnSeedAndIndex() {
        for task in TaskKind.allCases {
            let few = task.examples(count: 5, prefix: "x", rng: RandomStream(seed: 2))
            let many = task.examples(count: 50, prefix: "x", rng: RandomStream(seed: 2))
            XCTAssertEqual(few, Array(many.prefix(5)), "\(task)")
            XCTAssertNotEqual(few, task.examples(count: 5, prefix: "x", rng: RandomStream(seed: 3)))
            XCTAssertEqual(Set(many.map(\.id)).count, 50)
        }
    }

    func testSeveralPhrasingsPerTaskAndCategoriesInRange() {
        for task in TaskKind.allCases {
            let xs = examples(task)
            let firstWords = Set(xs.map { $0.instruction.split(separator: " ").prefix(3).joined(separator: " ") })
            XCTAssertGreaterThanOrEqual(firstWords.count, 3, "\(task) has too few phrasings")
            let categories = Set(xs.map(\.category))
            XCTAssertEqual(categories, Set(0..<task.generator.categories.count), "\(task) categories")
        }
    }

    func testGQAAnswersAreOneWordAndTrue() {
        let numbers = ["zero", "one", "two", "three", "four"]
        for e in examples(.gqa, 600) {
            XCTAssertFalse(e.answer.contains(" "), e.answer)
            let words = e.instruction.components(separatedBy: "?")[0].split(separator: " ").map(String.init)
            switch GQATask.categories[e.category] {
            case "exist":
                let color = ObjectColor(rawValue: words[words.count - 2])!, shape = ObjectShape(rawValue: words[words.count - 1])!
                XCTAssertEqual(e.answer, e.scene.objects(color: color, shape: shape).isEmpty ? "no" : "yes", e.instruction)
            case "count":
                XCTAssertTrue(numbers.contains(e.answer))
                let n = numbers.firstIndex(of: e.answer)!
                let matches = ObjectColor.allCases.map { e.scene.objects(color: $0).count } + ObjectShape.allCases.map { e.scene.objects(shape: $0).count }
                XCTAssertTrue(matches.contains(n) && n >= 1, "\(e.instruction) → \(e.answer)")
            case "color": XCTAssertNotNil(ObjectColor(rawValue: e.answer))
            case "shape": XCTAssertNotNil(ObjectShape(rawValue: e.answer))
            default: XCTAssertTrue(["yes", "no"].contains(e.answer))
            }
        }
        let answers = examples(.gqa, 600).map(\.answer)
        XCTAssertGreaterThan(answers.filter { $0 == "yes" }.count, 60)
        XCTAssertGreaterThan(answers.filter { $0 == "no" }.count, 60)
    }

    func testCaptionsHaveAtLeastFourDistinctReferencesNamingEveryObject() {
        for e in examples(.coco) {
            XCTAssertGreaterThanOrEqual(Set(e.references).count, 4)
            XCTAssertTrue(e.references.contains(e.answer))
            for object in e.scene.objects {
                XCTAssertTrue(e.references.allSatisfy { $0.contains(object.shape.rawValue) && $0.contains(object.color.rawValue) })
            }
        }
    }

    func testGroundingAnswersAreNormalisedBoxesOfTheNamedObject() {
        let pattern = try! NSRegularExpression(pattern: #"^\[(\d\.\d\d), (\d\.\d\d), (\d\.\d\d), (\d\.\d\d)\]$"#)
        for e in examples(.refcoco) {
            let range = NSRange(e.answer.startIndex..., in: e.answer)
            guard let m = pattern.firstMatch(in: e.answer, range: range) else { return XCTFail("bad box \(e.answer)") }
            let v = (1...4).map { Double(e.answer[Range(m.range(at: $0), in: e.answer)!])! }
            XCTAssertTrue(v.allSatisfy { (0...1).contains($0) } && v[2] > v[0] && v[3] > v[1], e.answer)
            let boxes = e.scene.objects.map(GroundingTask.box(of:))
            XCTAssertEqual(boxes.filter { $0 == e.answer }.count, 1, "the box is one object's")
        }
    }

    func testScienceQAListsOptionsInOneOrderAndAnswersTheLetterOfTheOptionTheContextNames() {
        let shapes = "(A) circle (B) square (C) triangle (D) cross"
        let colors = "(A) red (B) green (C) blue (D) yellow"
        for e in examples(.scienceqa) {
            let parts = e.instruction.components(separatedBy: "? options: ")
            XCTAssertEqual(parts.count, 2, e.instruction)
            let listed = parts[1].components(separatedBy: ". ")[0]
            let family = ScienceQATask.categories[e.category]
            XCTAssertEqual(listed, family == "color-fact" ? colors : shapes, e.instruction)
            let options = listed.components(separatedBy: " ").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            let right = options[ScienceQATask.letters.firstIndex(of: e.answer)!]
            XCTAssertEqual(e.references, [e.answer])
            let context = parts[0].components(separatedBy: "context: ")[1].components(separatedBy: ". question: ")
            let (facts, question) = (context[0], context[1])
            let property = String(question.split(separator: " ").last!)
            if family == "shape-picture" {
                // The answer is in the picture: the shape of the object the question names by its colour (and place).
                XCTAssertEqual(facts, "look at the picture", e.instruction)
                XCTAssertTrue(ScienceQATask.pictureCategories.contains(e.category))
                let named = e.scene.objects.filter { question == "which shape is the \($0.color.rawValue) object"
                    || question == "which shape is the \($0.color.rawValue) object at the \($0.cell.phrase)" }
                XCTAssertEqual(named.count, 1, "the question names exactly one object: \(e.instruction)")
                XCTAssertEqual(named.first?.shape.rawValue, right, e.instruction)
            } else if family == "shape-fact" {
                XCTAssertEqual(question, "which shape is \(property)", e.instruction)
                XCTAssertEqual(facts, "in this world, a \(right) is \(property)", e.instruction)
            } else {
                XCTAssertEqual(question, "which color is \(property)", e.instruction)
                XCTAssertEqual(facts, "in this world, \(right) things are \(property)", e.instruction)
            }
        }
        let answers = examples(.scienceqa).map(\.answer)
        for letter in ScienceQATask.letters { XCTAssertGreaterThan(answers.filter { $0 == letter }.count, 40, "letters are balanced") }
        let families = examples(.scienceqa).map(\.category)
        XCTAssertEqual(Set(families), Set(ScienceQATask.categories.indices))
        let pictureShare = Double(families.filter { ScienceQATask.pictureCategories.contains($0) }.count) / Double(families.count)
        XCTAssertEqual(pictureShare, 1.0 / 3, accuracy: 0.08, "a third of the items need the picture")
    }

    func testOCRAnswersTheSignsWord() {
        for e in examples(.ocrvqa) {
            XCTAssertEqual(e.scene.sign?.word, e.answer)
            XCTAssertTrue(Lexicon.signWords.contains(e.answer))
        }
    }

    func testPretrainingCorpusMixesItsKindsAndAnswersThemTruly() {
        let corpus = DataSetStreams.pretraining(seed: 3)
        var kinds: [String: Int] = [:]
        for i in 0..<800 {
            let sample = PretrainCorpus.sample(i, rng: corpus)
            let kind = String(sample.instruction.prefix(9))
            kinds[kind, default: 0] += 1
            if sample.instruction.hasPrefix("list the text") || sample.instruction.hasPrefix("list any writing") {
                XCTAssertEqual(sample.answer, sample.scene.sign.map { "sign: \($0.word)." } ?? "no text.")
                XCTAssertEqual(sample.kind, .reading)
            }
            if sample.instruction.hasPrefix("pick one") {
                XCTAssertEqual(sample.kind, .optionPointing)
                // The answer's letter labels the asked word, and only that option says it.
                let tokens = Tokenizer.pieces(sample.instruction)
                let asked = String(tokens.dropLast().last!)
                let labelled = tokens.indices.filter { tokens[$0] == "(" && $0 + 3 < tokens.count }.map { (tokens[$0 + 1], tokens[$0 + 3]) }
                XCTAssertEqual(labelled.filter { $0.1 == asked }.map(\.0), [sample.answer], sample.instruction)
                XCTAssertEqual(Set(labelled.map(\.1)).count, labelled.count, "options are distinct: \(sample.instruction)")
                XCTAssertTrue(ScienceQATask.optionLists.contains(labelled.map(\.1)), "one of the option lists, in order: \(sample.instruction)")
            }
            if sample.instruction.hasPrefix("box of the") {
                XCTAssertEqual(sample.kind, .box)
                // The named object (with its cell only when its name is not unique) and its box.
                let named = sample.scene.objects.filter { object in
                    sample.instruction == "box of the \(object.fullName)?" || sample.instruction == "box of the \(object.fullName) at the \(object.cell.phrase)?"
                }
                XCTAssertEqual(named.count, 1, sample.instruction)
                if let object = named.first {
                    XCTAssertEqual(sample.answer, GroundingTask.box(of: object))
                    let shared = sample.scene.objects.filter { $0.fullName == object.fullName }.count > 1
                    XCTAssertEqual(sample.instruction.contains(" at the "), shared, "the cell is named exactly when the name is shared")
                }
            }
        }
        // cell, box, two reading phrasings, two description phrasings, option pointing
        XCTAssertEqual(kinds.count, 7, "\(kinds.keys.sorted())")
        XCTAssertGreaterThan(kinds["list ever", default: 0] + kinds["list what", default: 0], 240, "three eighths are descriptions")
        XCTAssertGreaterThan(kinds["pick one:", default: 0], 160, "a quarter are option pointing")
    }

    func testPretrainingCorpusIsDisjointFromTheTasks() {
        let corpus = DataSetStreams.pretraining(seed: 0)
        let pretrainScenes = Set((0..<500).map { PretrainCorpus.sample($0, rng: corpus).scene })
        for task in TaskKind.allCases {
            let streams = DataSetStreams(task: task, seed: 0)
            let scenes = Set(task.examples(count: 500, prefix: "x", rng: streams.train).map(\.scene))
            XCTAssertTrue(pretrainScenes.isDisjoint(with: scenes), "\(task) shares pictures with pretraining")
        }
        let instructions = Set((0..<200).map { PretrainCorpus.sample($0, rng: corpus).instruction })
        for task in TaskKind.allCases {
            XCTAssertTrue(instructions.isDisjoint(with: Set(examples(task, 100).map(\.instruction))))
        }
    }
}
