extension Metric {
    /// Scores `predictions` against `references`: the one entry point over every metric.
    ///
    /// Text metrics normalise as their reference implementations do: `accuracy` through
    /// `AnswerNormalizer`, `cider` and `bleu` through `CaptionTokenizer` (predictions and references),
    /// `letter` through `ScienceQALetter`. For `iou` each prediction is parsed as a box; the score is
    /// Acc@IoU≥0.5 while `perItem` holds each item's IoU. For `bleu` the score and every item are
    /// BLEU-1…4.
    ///
    /// - Precondition: the references are boxes exactly when `usesBoxReferences`; predictions and
    ///   references have the same, non-empty set of ids; every text item has a reference. `ScoreInput`
    ///   checks all of this and reports it as input errors.
    public func score(predictions: [String: String], references: References) -> CorpusScore<ScoreValue> {
        switch (self, references) {
        case (.iou, .boxes(let boxes)):
            return BoxAccuracy.score(predictions: predictions, references: boxes).asScoreValues
        case (.accuracy, .texts(let texts)):
            return ExactMatch.score(predictions: predictions, references: texts).asScoreValues
        case (.letter, .texts(let texts)):
            return ScienceQALetter.score(predictions: predictions, references: texts).asScoreValues
        case (.cider, .texts(let texts)):
            return CIDErD.score(predictions: predictions.mapValues(CaptionTokenizer.tokenize),
                                references: texts.mapValues { $0.map(CaptionTokenizer.tokenize) }).asScoreValues
        case (.bleu, .texts(let texts)):
            let bleu = BLEU.score(predictions: predictions.mapValues(CaptionTokenizer.tokenize),
                                  references: texts.mapValues { $0.map(CaptionTokenizer.tokenize) })
            return CorpusScore(score: .numbers(bleu.score), perItem: bleu.perItem.mapValues(ScoreValue.numbers))
        default:
            preconditionFailure("\(rawValue) cannot be scored against \(usesBoxReferences ? "text" : "box") references")
        }
    }
}

extension CorpusScore where Value == Double {
    /// The same scores as `ScoreValue.number`s.
    var asScoreValues: CorpusScore<ScoreValue> {
        CorpusScore<ScoreValue>(score: .number(score), perItem: perItem.mapValues(ScoreValue.number))
    }
}
