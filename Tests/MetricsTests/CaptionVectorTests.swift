@testable import Metrics
import XCTest

/// CIDEr-D, BLEU-1…4 and caption tokenisation against pycocoevalcap on every corpus in the vectors.
final class CaptionVectorTests: XCTestCase {
    var corpora: [MetricVectors.CaptionCorpus] = []

    override func setUpWithError() throws {
        corpora = try MetricVectors.load().caption_corpora
        XCTAssertGreaterThanOrEqual(corpora.count, 10, "the vectors should hold all the corpora the script writes")
    }

    func testTokenizerAgreesWithTheVectorScript() {
        for corpus in corpora {
            for (id, prediction) in corpus.predictions {
                XCTAssertEqual(CaptionTokenizer.tokenize(prediction), corpus.tokenized_predictions[id], "\(corpus.name) \(id)")
            }
            for (id, references) in corpus.references {
                XCTAssertEqual(references.map(CaptionTokenizer.tokenize), corpus.tokenized_references[id], "\(corpus.name) \(id)")
            }
        }
    }

    func testCIDErDMatchesPycocoevalcap() {
        for corpus in corpora {
            let result = CIDErD.score(predictions: corpus.tokenized_predictions, references: corpus.tokenized_references)
            assertMatchesReference(result.score, corpus.cider.score, "\(corpus.name): corpus CIDEr-D")
            XCTAssertEqual(Set(result.perItem.keys), Set(corpus.cider.per_item.keys), corpus.name)
            for (id, expected) in corpus.cider.per_item {
                assertMatchesReference(result.perItem[id] ?? .nan, expected, "\(corpus.name) \(id): CIDEr-D")
            }
        }
    }

    func testBLEUMatchesPycocoevalcap() {
        for corpus in corpora {
            let result = BLEU.score(predictions: corpus.tokenized_predictions, references: corpus.tokenized_references)
            assertMatchesReference(result.score, corpus.bleu.score, "\(corpus.name): corpus BLEU")
            XCTAssertEqual(Set(result.perItem.keys), Set(corpus.bleu.per_item.keys), corpus.name)
            for (id, expected) in corpus.bleu.per_item {
                assertMatchesReference(result.perItem[id] ?? [], expected, "\(corpus.name) \(id): BLEU")
            }
        }
    }

    func testMetricEntryPointTokenizesRawCaptions() {
        for corpus in corpora {
            let cider = Metric.cider.score(predictions: corpus.predictions, references: .texts(corpus.references))
            assertMatchesReference(cider.score.values, [corpus.cider.score], "\(corpus.name): cider entry point")
            let bleu = Metric.bleu.score(predictions: corpus.predictions, references: .texts(corpus.references))
            assertMatchesReference(bleu.score.values, corpus.bleu.score, "\(corpus.name): bleu entry point")
            for (id, expected) in corpus.bleu.per_item {
                assertMatchesReference(bleu.perItem[id]?.values ?? [], expected, "\(corpus.name) \(id): bleu entry point")
            }
        }
    }

    func testVectorsCoverTheDegenerateCases() throws {
        let oneImage = try XCTUnwrap(corpora.first { $0.predictions.count == 1 })
        XCTAssertEqual(oneImage.cider.score, 0, "a one-image corpus has idf 0 everywhere")
        XCTAssertTrue(corpora.contains { $0.tokenized_predictions.values.contains("") }, "an empty hypothesis")
        XCTAssertTrue(corpora.contains { $0.tokenized_references.values.allSatisfy { $0.count == 1 } }, "single references")
    }
}
