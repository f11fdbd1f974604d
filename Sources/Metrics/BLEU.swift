import Foundation

/// BLEU-1…4 exactly as pycocoevalcap's `Bleu(4)` computes them (`pycocoevalcap/bleu/bleu_scorer.py`,
/// effective reference length "closest").
///
/// Per image: clipped n-gram matches (`min(count, max count in any one reference)`), the number of
/// n-grams guessed, the hypothesis length, and the reference length closest to it (ties go to the
/// shorter reference). BLEU-n is the geometric mean of the precisions of orders 1…n times the brevity
/// penalty `exp(1 − r/c)` when `c < r`. The corpus score sums matches, guesses and lengths over all
/// images first (corpus brevity penalty); the per-image scores use each image's own counts.
///
/// Surprises in pycocoevalcap that this reproduces on purpose:
/// - Each precision is `(matches + 1e-15) / (guesses + 1e-9)` (its `tiny` and `small`), so an order
///   with no n-grams at all (a hypothesis shorter than n words) does not give 0 but a factor 1e-6:
///   a perfect three-word hypothesis has per-image BLEU-4 = (1e-6)^(1/4) ≈ 0.032, not 0.
/// - The length ratio is `(c + 1e-15) / (r + 1e-9)`, which is below 1 even when `c == r`, so the
///   brevity penalty applies a factor ≈ 1 − 1e-9/r to every exact-length hypothesis. An empty
///   hypothesis has ratio ≈ 1e-15/r and penalty `exp(1 − r·1e15)` = 0, even against an empty reference.
/// - `Bleu` always passes option "closest", so a one-image corpus also uses the closest length
///   (the scorer's own default would be "average" there).
/// Sentences are split on whitespace; pass them tokenised (`CaptionTokenizer`).
public enum BLEU {
    /// Highest n-gram order: the scores are BLEU-1 … BLEU-4.
    public static let maxOrder = 4
    /// Added to every match count (pycocoevalcap's `tiny`).
    public static let matchFloor = 1e-15
    /// Added to every guess count and reference length (pycocoevalcap's `small`).
    public static let guessFloor = 1e-9

    /// The counts BLEU needs from one image: pycocoevalcap's `cook_test` result.
    struct ImageCounts {
        var matches = Array(repeating: 0, count: BLEU.maxOrder)
        var guesses = Array(repeating: 0, count: BLEU.maxOrder)
        var hypothesisLength = 0
        var referenceLength = 0

        init() {}

        init(hypothesis: String, references: [String]) {
            precondition(!references.isEmpty, "BLEU needs at least one reference per image")
            var maxReferenceCounts: [NGram: Int] = [:]
            var referenceLengths: [Int] = []
            for reference in references {
                let counts = NGramCounts(reference, maxOrder: BLEU.maxOrder)
                referenceLengths.append(counts.wordCount)
                maxReferenceCounts.merge(counts.counts) { max($0, $1) }
            }
            let hypothesisCounts = NGramCounts(hypothesis, maxOrder: BLEU.maxOrder)
            hypothesisLength = hypothesisCounts.wordCount
            referenceLength = referenceLengths.min { a, b in
                (abs(a - hypothesisLength), a) < (abs(b - hypothesisLength), b)
            }!
            for order in 1...BLEU.maxOrder { guesses[order - 1] = max(0, hypothesisLength - order + 1) }
            for (ngram, count) in hypothesisCounts.counts {
                matches[ngram.order - 1] += min(maxReferenceCounts[ngram] ?? 0, count)
            }
        }

        /// These counts plus `other`'s, for the corpus score.
        func adding(_ other: ImageCounts) -> ImageCounts {
            var sum = self
            for order in 0..<BLEU.maxOrder {
                sum.matches[order] += other.matches[order]
                sum.guesses[order] += other.guesses[order]
            }
            sum.hypothesisLength += other.hypothesisLength
            sum.referenceLength += other.referenceLength
            return sum
        }

        /// BLEU-1…4 of these counts, with pycocoevalcap's floors and brevity penalty.
        var scores: [Double] {
            var product = 1.0
            var result: [Double] = []
            for order in 0..<BLEU.maxOrder {
                product *= (Double(matches[order]) + BLEU.matchFloor) / (Double(guesses[order]) + BLEU.guessFloor)
                result.append(pow(product, 1.0 / Double(order + 1)))
            }
            let ratio = (Double(hypothesisLength) + BLEU.matchFloor) / (Double(referenceLength) + BLEU.guessFloor)
            if ratio < 1 {
                let brevityPenalty = exp(1 - 1 / ratio)
                result = result.map { $0 * brevityPenalty }
            }
            return result
        }
    }

    /// Corpus BLEU-1…4 of `predictions` (one tokenised sentence per id) and each image's BLEU-1…4.
    ///
    /// - Precondition: `predictions` and `references` have the same ids, at least one, and every id
    ///   has at least one reference.
    public static func score(predictions: [String: String], references: [String: [String]]) -> CorpusScore<[Double]> {
        requireSameIDs(predictions, references)
        var total = ImageCounts()
        var perItem: [String: [Double]] = [:]
        for (id, hypothesis) in predictions {
            let counts = ImageCounts(hypothesis: hypothesis, references: references[id]!)
            total = total.adding(counts)
            perItem[id] = counts.scores
        }
        return CorpusScore(score: total.scores, perItem: perItem)
    }
}
