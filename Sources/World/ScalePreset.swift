/// How much data a scenario has: `smoke` for CI, `small` for `make reproduce`, `paper` for longer studies.
public struct ScalePreset: Codable, Hashable, Sendable {
    public var name: String
    /// Training examples per client (IID; Dirichlet splits vary around it).
    public var trainPerClient: Int
    public var testPerClient: Int
    /// Validation examples per client: what settings are selected and regimes checked on, never the test set.
    public var validationPerClient: Int

    /// A preset; the validation set is as large as the test set unless told.
    public init(name: String, trainPerClient: Int, testPerClient: Int, validationPerClient: Int? = nil) {
        self.name = name
        self.trainPerClient = trainPerClient
        self.testPerClient = testPerClient
        self.validationPerClient = validationPerClient ?? testPerClient
    }

    /// Seconds on CI.
    public static let smoke = ScalePreset(name: "smoke", trainPerClient: 16, testPerClient: 8)
    /// The default of `make reproduce`.
    public static let small = ScalePreset(name: "small", trainPerClient: 96, testPerClient: 32)
    /// Larger, for studies with time to spare.
    public static let paper = ScalePreset(name: "paper", trainPerClient: 384, testPerClient: 96)

    private enum CodingKeys: String, CodingKey {
        case name, trainPerClient, testPerClient, validationPerClient
    }

    /// Decodes a preset; one stored before validation sets existed had none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        trainPerClient = try c.decode(Int.self, forKey: .trainPerClient)
        testPerClient = try c.decode(Int.self, forKey: .testPerClient)
        validationPerClient = try c.decodeIfPresent(Int.self, forKey: .validationPerClient) ?? 0
    }

    /// Every named preset.
    public static let all = [smoke, small, paper]

    /// The preset called `name`, or an error listing the valid names.
    public static func named(_ name: String) throws -> ScalePreset {
        guard let preset = all.first(where: { $0.name == name }) else {
            throw DataError.unknownScale(name, valid: all.map(\.name))
        }
        return preset
    }
}
