/// What predictions are scored against, keyed by item id: reference texts, or one box per item.
public enum References: Equatable, Sendable {
    /// One or more reference texts per item (accuracy, CIDEr-D, BLEU, letter).
    case texts([String: [String]])
    /// One reference box per item (IoU).
    case boxes([String: BoundingBox])

    public var ids: Set<String> {
        switch self {
        case .texts(let texts): Set(texts.keys)
        case .boxes(let boxes): Set(boxes.keys)
        }
    }
}
