/// Grounding accuracy: a predicted box is correct when its IoU with the reference box reaches 0.5.
public enum BoxAccuracy {
    /// The IoU a prediction needs to count as correct (inclusive), the usual Acc@0.5.
    public static let iouThreshold = 0.5

    /// The IoU of the box parsed from `prediction` with `reference`; 0 when the text is not a box.
    public static func iou(_ prediction: String, reference: BoundingBox) -> Double {
        BoundingBox(parsing: prediction)?.intersectionOverUnion(reference) ?? 0
    }

    /// The fraction of items whose IoU is at least `iouThreshold`, and each item's IoU (not 1 or 0).
    ///
    /// - Precondition: `predictions` and `references` have the same ids, and there is at least one.
    public static func score(predictions: [String: String], references: [String: BoundingBox]) -> CorpusScore<Double> {
        requireSameIDs(predictions, references)
        let perItem = predictions.reduce(into: [String: Double]()) { result, item in
            result[item.key] = iou(item.value, reference: references[item.key]!)
        }
        let hits = perItem.values.filter { $0 >= iouThreshold }.count
        return CorpusScore(score: Double(hits) / Double(perItem.count), perItem: perItem)
    }
}
