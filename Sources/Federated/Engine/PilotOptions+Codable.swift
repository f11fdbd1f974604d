import Models

extension PilotOptions {
    enum CodingKeys: String, CodingKey {
        case differenceLoss, differenceForm, crossTaskAdapters, auxiliaryLosses, textAggregation, crossInitFromLocal, keepClientAdapter, trainVisionMLP,
             stageTwoRateFactor
    }

    /// Decodes options; switches added after a configuration was stored take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        differenceLoss = try c.decode(Bool.self, forKey: .differenceLoss)
        // Configurations stored without a form ran the per-token form, the only one there was.
        differenceForm = try c.decodeIfPresent(PilotStage1Connector.DifferenceForm.self, forKey: .differenceForm) ?? .tokenGram
        crossTaskAdapters = try c.decode(Bool.self, forKey: .crossTaskAdapters)
        auxiliaryLosses = try c.decode(Bool.self, forKey: .auxiliaryLosses)
        textAggregation = try c.decode(TextAggregation.self, forKey: .textAggregation)
        crossInitFromLocal = try c.decode(Bool.self, forKey: .crossInitFromLocal)
        keepClientAdapter = try c.decode(Bool.self, forKey: .keepClientAdapter)
        trainVisionMLP = try c.decodeIfPresent(Bool.self, forKey: .trainVisionMLP) ?? false
        // Configurations stored without a factor ran both stages at one rate.
        stageTwoRateFactor = try c.decodeIfPresent(Float.self, forKey: .stageTwoRateFactor) ?? 1
    }

    /// Encodes options; CT-CLIP's switch only when on and the difference loss's form only when it is not
    /// the per-token one, and a stage-two factor only when it is not 1, so configurations from before any of them keep their hash (and run directory).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(differenceLoss, forKey: .differenceLoss)
        if differenceForm != .tokenGram { try c.encode(differenceForm, forKey: .differenceForm) }
        try c.encode(crossTaskAdapters, forKey: .crossTaskAdapters)
        try c.encode(auxiliaryLosses, forKey: .auxiliaryLosses)
        try c.encode(textAggregation, forKey: .textAggregation)
        try c.encode(crossInitFromLocal, forKey: .crossInitFromLocal)
        try c.encode(keepClientAdapter, forKey: .keepClientAdapter)
        if trainVisionMLP { try c.encode(trainVisionMLP, forKey: .trainVisionMLP) }
        if stageTwoRateFactor != 1 { try c.encode(stageTwoRateFactor, forKey: .stageTwoRateFactor) }
    }
}
