import Checkpoint
import Foundation
import Models
import Tensors
import Training
import World
import XCTest

/// The optional language stage: its items, its training, and the hash of bases without it.
final class LanguagePretrainerTests: XCTestCase {
    func testItemsAreDeterministicAndTheirLetterNamesTheAskedWord() {
        let stream = LanguagePretrainer.stream(seed: 3)
        for index in 0..<50 {
            let item = LanguageCorpus.item(index, rng: stream)
            XCTAssertEqual(item.instruction, LanguageCorpus.item(index, rng: stream).instruction)
            // The last question names a word; the option with the answer's letter lists that word.
            let words = item.instruction.split(separator: " ").map(String.init)
            // The last question (the one `<answer>` answers) is the last word ending in "?".
            let asked = String(words.last { $0.hasSuffix("?") }!.dropLast())
            let letter = item.answer
            let at = words.firstIndex(of: "(\(letter))")
            XCTAssertNotNil(at, "no option (\(letter)) in '\(item.instruction)'")
            if let at { XCTAssertEqual(words[at + 1].trimmingCharacters(in: ["."]), asked, "'\(item.instruction)' → \(letter)") }
        }
        XCTAssertNotEqual(LanguageCorpus.item(0, rng: LanguagePretrainer.stream(seed: 4)).instruction,
                          LanguageCorpus.item(0, rng: stream).instruction)
    }

    func testTheStageLowersTheTextLossAndTrainsTheLanguageModelOnly() {
        let config = PretrainConfig(model: TrainingFixtures.tinyConfig, seed: 1, languageSteps: 40, visionSteps: 0, steps: 1,
                                    batchSize: 8, learningRate: 1e-2)
        var rng = RandomStream(seed: 2)
        let model = MultimodalModel(config: config.model, rng: &rng)
        model.setTrainable(false)
        for (_, p) in model.parameters(in: .llmBase) { p.setTrainable(true) }
        let lora = model.parameterValues().filter { $0.key.contains("lora_") }
        var losses: [Float] = []
        _ = LanguagePretrainer(config: config).train(model.llm) { losses.append($0.loss) }
        XCTAssertEqual(losses.count, 40)
        XCTAssertLessThan(losses.suffix(5).reduce(0, +), 0.7 * losses.prefix(5).reduce(0, +), "the language stage does not learn")
        for (name, value) in lora { XCTAssertEqual(model.parameterValues()[name], value, "\(name) moved") }
        let accuracy = LanguagePretrainer.accuracy(model.llm, seed: 1, count: 32)
        XCTAssertTrue((0...1).contains(accuracy))
    }

    func testBasesWithoutTheStageKeepTheirHashAndOnesWithItGetAnother() throws {
        // At numerics version 1 the small base is base-cde0ab5207231899.h5; corpus 4's, base-ad68a4b2f92e86ee.h5.
        var small1 = PretrainConfig.preset("small")!
        small1.numericsVersion = 1
        XCTAssertEqual(try BaseModel.fileName(for: small1), "base-cde0ab5207231899.h5")
        var corpus4 = small1
        corpus4.corpusVersion = 4
        XCTAssertEqual(try BaseModel.fileName(for: corpus4), "base-ad68a4b2f92e86ee.h5")
        XCTAssertFalse(try ConfigHash.canonicalJSON(PretrainConfig.preset("small")!).contains("languageSteps"))
        let withStage = PretrainConfig.preset("small")!.with(seed: 0, languageSteps: 3000)
        XCTAssertEqual(withStage.languageSteps, 3000)
        XCTAssertEqual(withStage.visionSteps, PretrainConfig.preset("small")!.visionSteps)
        XCTAssertNotEqual(try ConfigHash.of(withStage), try ConfigHash.of(PretrainConfig.preset("small")!))
        XCTAssertEqual(try JSONDecoder().decode(PretrainConfig.self, from: JSONEncoder().encode(withStage)), withStage)
    }
}
