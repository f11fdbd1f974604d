extension RunHistory {
    enum CodingKeys: String, CodingKey {
        case scores, validationScores, initialScores, initialValidationScores, testItemScores, testLoss, uploaded, downloaded, activated,
             trainLoss, seconds, setupSeconds
    }

    /// Decodes a history; measurements added after it was stored (AP, test loss, validation and item scores, setup
    /// times) start empty.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trainLoss = try c.decode([[Float]].self, forKey: .trainLoss)
        scores = try c.decode([[Double]].self, forKey: .scores)
        uploaded = try c.decode([[Int]].self, forKey: .uploaded)
        testLoss = Self.padded(try c.decodeIfPresent([[Double]].self, forKey: .testLoss) ?? [], rounds: scores.count, clients: trainLoss.count)
        downloaded = try c.decode([[Int]].self, forKey: .downloaded)
        activated = try c.decodeIfPresent([[Int]].self, forKey: .activated) ?? []
        seconds = try c.decode([Double].self, forKey: .seconds)
        setupSeconds = try c.decodeIfPresent([Double].self, forKey: .setupSeconds) ?? []
        validationScores = try c.decodeIfPresent([[Double]].self, forKey: .validationScores) ?? []
        initialScores = try c.decodeIfPresent([Double].self, forKey: .initialScores) ?? []
        initialValidationScores = try c.decodeIfPresent([Double].self, forKey: .initialValidationScores) ?? []
        testItemScores = try c.decodeIfPresent([[[Double]]].self, forKey: .testItemScores) ?? []
    }
}
