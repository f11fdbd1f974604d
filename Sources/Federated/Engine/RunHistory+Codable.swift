extension RunHistory {
    enum CodingKeys: String, CodingKey {
        case scores, uploaded, downloaded, activated, trainLoss, seconds
    }

    /// Decodes a history; measurements added after it was stored (AP) start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainLoss = try c.decode([[Float]].self, forKey: .trainLoss)
        scores = try c.decode([[Double]].self, forKey: .scores)
        uploaded = try c.decode([[Int]].self, forKey: .uploaded)
        downloaded = try c.decode([[Int]].self, forKey: .downloaded)
        activated = try c.decodeIfPresent([[Int]].self, forKey: .activated) ?? []
        seconds = try c.decode([Double].self, forKey: .seconds)
    }
}
