import Tensors

/// A federated scenario: three data sets, each split among its clients, with train, validation and test sets per client.
public struct Scenario: Sendable {
    /// Everything that determines the data.
    public struct Config: Codable, Hashable, Sendable {
        /// Which tasks.
        public var kind: ScenarioKind
        /// How much data.
        public var scale: ScalePreset
        /// Clients per task (the paper: 3).
        public var clientsPerTask: Int
        /// How a data set is divided among its clients.
        public var split: ClientSplit
        /// Seed of the data (independent of the training seeds).
        public var dataSeed: UInt64

        private enum CodingKeys: String, CodingKey {
            case kind, scale, clientsPerTask, split, dataSeed, dataVersions
        }

        /// Decodes a configuration (the generator versions it names are those of the data its runs saw).
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kind = try c.decode(ScenarioKind.self, forKey: .kind)
            scale = try c.decode(ScalePreset.self, forKey: .scale)
            clientsPerTask = try c.decode(Int.self, forKey: .clientsPerTask)
            split = try c.decode(ClientSplit.self, forKey: .split)
            dataSeed = try c.decode(UInt64.self, forKey: .dataSeed)
        }

        /// Encodes the configuration with the generator version of every task past its first
        /// (`TaskKind.dataVersion`), so that a changed generator changes the hash of exactly the runs on its task.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(scale, forKey: .scale)
            try c.encode(clientsPerTask, forKey: .clientsPerTask)
            try c.encode(split, forKey: .split)
            try c.encode(dataSeed, forKey: .dataSeed)
            let versions = Dictionary(uniqueKeysWithValues: kind.tasks.filter { $0.dataVersion != 1 }.map { ($0.rawValue, $0.dataVersion) })
            if !versions.isEmpty { try c.encode(versions, forKey: .dataVersions) }
        }

        /// A configuration; the paper's: 3 clients per task, IID.
        public init(kind: ScenarioKind, scale: ScalePreset, clientsPerTask: Int = 3, split: ClientSplit = .iid, dataSeed: UInt64 = 0) {
            self.kind = kind
            self.scale = scale
            self.clientsPerTask = clientsPerTask
            self.split = split
            self.dataSeed = dataSeed
        }
    }

    /// The configuration it was built from.
    public let config: Config
    /// All clients, task by task in the scenario's order.
    public let clients: [ClientData]

    /// Generates the data sets and splits them; the same configuration gives the same examples.
    public init(_ config: Config) throws {
        guard config.clientsPerTask >= 1 else { throw DataError.invalidSplit("clients per task must be at least 1, got \(config.clientsPerTask)") }
        self.config = config
        var clients: [ClientData] = []
        for task in config.kind.tasks {
            let data = DataSetStreams(task: task, seed: config.dataSeed)
            let n = config.clientsPerTask
            let train = task.examples(count: config.scale.trainPerClient * n, prefix: "\(task.rawValue)-train", rng: data.train)
            let test = task.examples(count: config.scale.testPerClient * n, prefix: "\(task.rawValue)-test", rng: data.test)
            var splitter = data.split
            let shares = try config.split.shares(categories: task.generator.categories.count, clients: n, rng: &splitter)
            let trainParts = config.split.assign(categories: train.map(\.category), clients: n, shares: shares, rng: &splitter)
            let testParts = config.split.assign(categories: test.map(\.category), clients: n, shares: shares, rng: &splitter)
            // Drawn after the others so that training and test sets stay those of a scenario without validation.
            let validation = task.examples(count: config.scale.validationPerClient * n, prefix: "\(task.rawValue)-val", rng: data.validation)
            let validationParts = config.split.assign(categories: validation.map(\.category), clients: n, shares: shares, rng: &splitter)
            for c in 0..<n {
                for (part, what) in [(trainParts, "training"), (validationParts, "validation"), (testParts, "test")] where part[c].isEmpty {
                    throw DataError.invalidSplit("client \(c + 1) of \(task.paperName) gets no \(what) data; raise α or the scale")
                }
                clients.append(ClientData(index: clients.count, task: task, number: c + 1,
                                          train: trainParts[c].map { train[$0] }, validation: validationParts[c].map { validation[$0] },
                                          test: testParts[c].map { test[$0] }))
            }
        }
        self.clients = clients
    }

    /// The tasks, in order.
    public var tasks: [TaskKind] { config.kind.tasks }
}
