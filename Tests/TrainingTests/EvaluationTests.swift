import Autodiff
import Models
import Tensors
import Training
import World
import XCTest

/// Scoring is wired to the right metric per task; the evaluator answers every example.
final class EvaluationTests: XCTestCase {
    func testPerfectAnswersScoreFullMarksAndWrongOnesNothing() {
        for task in TaskKind.allCases where task != .coco {
            let examples = TrainingFixtures.examples(task, 20)
            let references = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, $0.references) })
            let right = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, $0.answer) })
            XCTAssertEqual(TaskMetric.score(task, predictions: right, references: references).score, 100, accuracy: 1e-9, "\(task)")
            let wrong = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, "nonsense") })
            XCTAssertEqual(TaskMetric.score(task, predictions: wrong, references: references).score, 0, "\(task)")
        }
        let captions = TrainingFixtures.examples(.coco, 20)
        let references = Dictionary(uniqueKeysWithValues: captions.map { ($0.id, $0.references) })
        let right = Dictionary(uniqueKeysWithValues: captions.map { ($0.id, $0.answer) })
        let wrong = Dictionary(uniqueKeysWithValues: captions.map { ($0.id, "yes") })
        XCTAssertGreaterThan(TaskMetric.score(.coco, predictions: right, references: references).score, 100, "CIDEr-D × 100 of a reference")
        XCTAssertEqual(TaskMetric.score(.coco, predictions: wrong, references: references).score, 0)
    }

    func testMajorityBaselineAnswersTheMostFrequentTrainingAnswer() {
        let train = TrainingFixtures.examples(.gqa, 200), test = TrainingFixtures.examples(.gqa, 100, seed: 2)
        let guess = MajorityBaseline.answer(of: train)
        XCTAssertEqual(train.filter { $0.answer == guess }.count, Dictionary(grouping: train, by: \.answer).values.map(\.count).max())
        let expected = 100 * Double(test.filter { $0.answer == guess }.count) / Double(test.count)
        XCTAssertEqual(MajorityBaseline.evaluate(train: train, test: test).score, expected, accuracy: 1e-9)
    }

    func testEvaluatorAnswersEveryExampleAndScoresWhatItDecoded() {
        var rng = RandomStream(seed: 5)
        let model = MultimodalModel(config: TrainingFixtures.tinyConfig, rng: &rng)
        let examples = TrainingFixtures.examples(.gqa, 10)     // several prompt lengths
        let evaluation = Evaluator(batchSize: 3).evaluate(model, on: examples, features: nil)
        XCTAssertEqual(Set(evaluation.predictions.keys), Set(examples.map(\.id)))
        let references = Dictionary(uniqueKeysWithValues: examples.map { ($0.id, $0.references) })
        XCTAssertEqual(evaluation.score, TaskMetric.score(.gqa, predictions: evaluation.predictions, references: references).score)
        // Batching must not change answers.
        XCTAssertEqual(Evaluator(batchSize: 32).evaluate(model, on: examples, features: nil).predictions, evaluation.predictions)
    }

    func testAnswerLossIsTheTokenWeightedMeanOfTheModelsLossWhateverTheBatching() {
        var rng = RandomStream(seed: 6)
        let model = MultimodalModel(config: TrainingFixtures.tinyConfig, rng: &rng)
        let examples = TrainingFixtures.examples(.coco, 7)                 // captions of several lengths
        let data = EncodedDataSet(examples, tokenizer: Tokenizer())
        let whole = model.loss(features: model.features(data.images, on: Tape()), batch: data.tokenBatch(Array(0..<7)), on: Tape())
        XCTAssertEqual(Evaluator(batchSize: 32).answerLoss(model, on: examples, features: nil), Double(whole.languageModel), accuracy: 1e-5)
        XCTAssertEqual(Evaluator(batchSize: 3).answerLoss(model, on: examples, features: nil), Double(whole.languageModel), accuracy: 1e-5,
                       "batches of 3, 3 and 1 weighted by their answer tokens")
        XCTAssertGreaterThan(Double(whole.languageModel), 0)
    }
}
