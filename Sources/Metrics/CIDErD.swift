import Foundation

/// CIDEr-D exactly as pycocoevalcap's `Cider` scorer computes it (`pycocoevalcap/cider/cider_scorer.py`).
///
/// Each sentence becomes four tf-idf vectors (1- to 4-grams): term frequency times
/// `log(number of images) − log(max(1, df))`, where `df` counts the evaluated images whose
/// references contain the n-gram (so the idf comes from the corpus being scored, not from COCO).
/// Per reference and order, the clipped cosine `Σ min(h, r)·r / (‖h‖·‖r‖)` is multiplied by the
/// Gaussian length penalty `exp(−δ²/(2σ²))`; an image scores 10 × the mean over orders of the sum
/// over references, divided by the number of references. The corpus score is the mean over images.
///
/// Surprises in pycocoevalcap that this reproduces on purpose:
/// - The "length" in the penalty's `δ` counts **bigrams**, not words (`if n == 1: length += term_freq`
///   with `n` the 0-based order). That is words − 1 for any non-empty sentence, so differences are
///   the same as in words except when one side is empty, where the similarity is 0 anyway: no
///   effect on scores, but kept as in the original.
/// - A one-image corpus scores 0 whatever the captions: `log(1) = 0`, and an n-gram found in that
///   image's references has idf `log(1) − log(1) = 0`, so every weight vanishes.
/// - An n-gram present in every image's references has idf 0 and contributes nothing.
/// - When either norm is 0 the cosine is left undivided, which is 0 because a zero norm means all
///   weights are 0.
/// - pycocoevalcap fails (`max()` of an empty sequence) when no reference in the corpus has any word;
///   this returns 0 for every image instead.
/// Sentences are split on whitespace; pass them tokenised (`CaptionTokenizer`).
public struct CIDErD {
    /// Longest n-gram order (pycocoevalcap's `n`).
    public static let maxOrder = 4
    /// Standard deviation of the Gaussian length penalty (pycocoevalcap's `sigma`).
    public static let lengthPenaltySigma = 6.0
    /// The factor pycocoevalcap multiplies each image's score by.
    public static let scale = 10.0

    /// Tf-idf weights of one sentence, per n-gram order.
    private struct WeightedSentence {
        var weights: [[NGram: Double]] = Array(repeating: [:], count: CIDErD.maxOrder)
        var norms: [Double] = Array(repeating: 0, count: CIDErD.maxOrder)
        var bigramCount = 0
    }

    private let documentFrequency: [NGram: Double]
    private let logImageCount: Double

    /// Prepares the idf from `references`, the reference sentences of every image in the corpus.
    public init(references: [String: [String]]) {
        var frequency: [NGram: Double] = [:]
        for sentences in references.values {
            let ngrams = Set(sentences.flatMap { NGramCounts($0, maxOrder: Self.maxOrder).counts.keys })
            for ngram in ngrams { frequency[ngram, default: 0] += 1 }
        }
        documentFrequency = frequency
        logImageCount = log(Double(references.count))
    }

    /// The corpus CIDEr-D of `predictions` (one tokenised sentence per id) and each image's score.
    ///
    /// - Precondition: `predictions` and `references` have the same ids, at least one, and every id
    ///   has at least one reference.
    public static func score(predictions: [String: String], references: [String: [String]]) -> CorpusScore<Double> {
        requireSameIDs(predictions, references)
        let scorer = CIDErD(references: references)
        return CorpusScore(meanOf: predictions.reduce(into: [:]) { perItem, item in
            perItem[item.key] = scorer.score(item.value, references: references[item.key]!)
        })
    }

    /// One image's CIDEr-D: `hypothesis` against that image's `references`, with this corpus's idf.
    public func score(_ hypothesis: String, references: [String]) -> Double {
        precondition(!references.isEmpty, "CIDEr-D needs at least one reference per image")
        let weightedHypothesis = weighted(hypothesis)
        var sums = Array(repeating: 0.0, count: Self.maxOrder)
        for reference in references {
            let similarity = clippedSimilarity(weightedHypothesis, weighted(reference))
            for order in 0..<Self.maxOrder { sums[order] += similarity[order] }
        }
        let meanOverOrders = sums.reduce(0, +) / Double(Self.maxOrder)
        return meanOverOrders / Double(references.count) * Self.scale
    }

    /// pycocoevalcap's `counts2vec`.
    private func weighted(_ sentence: String) -> WeightedSentence {
        var result = WeightedSentence()
        for (ngram, termFrequency) in NGramCounts(sentence, maxOrder: Self.maxOrder).counts {
            let logDocumentFrequency = log(max(1.0, documentFrequency[ngram] ?? 0))
            let weight = Double(termFrequency) * (logImageCount - logDocumentFrequency)
            result.weights[ngram.order - 1][ngram] = weight
            result.norms[ngram.order - 1] += weight * weight
            if ngram.order == 2 { result.bigramCount += termFrequency }
        }
        result.norms = result.norms.map { $0.squareRoot() }
        return result
    }

    /// pycocoevalcap's `sim`: per order, the clipped cosine times the Gaussian length penalty.
    private func clippedSimilarity(_ hypothesis: WeightedSentence, _ reference: WeightedSentence) -> [Double] {
        let delta = Double(hypothesis.bigramCount - reference.bigramCount)
        let penalty = exp(-(delta * delta) / (2 * Self.lengthPenaltySigma * Self.lengthPenaltySigma))
        return (0..<Self.maxOrder).map { order in
            var value = 0.0
            for (ngram, weight) in hypothesis.weights[order] {
                let referenceWeight = reference.weights[order][ngram] ?? 0
                value += min(weight, referenceWeight) * referenceWeight
            }
            if hypothesis.norms[order] != 0 && reference.norms[order] != 0 {
                value /= hypothesis.norms[order] * reference.norms[order]
            }
            return value * penalty
        }
    }
}
