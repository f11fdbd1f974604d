import Tensors

/// The random streams of one task's data set under a data seed: train, validation and test pools, client split.
public struct DataSetStreams: Sendable {
    public let train: RandomStream
    public let test: RandomStream
    /// Dividing among clients.
    public let split: RandomStream
    public let validation: RandomStream

    /// Streams of `task` under `seed`; every task and purpose has its own.
    public init(task: TaskKind, seed: UInt64) {
        let root = RandomStream(seed: seed).split(0xDA7A, UInt64(TaskKind.allCases.firstIndex(of: task)!))
        train = root.split(1)
        test = root.split(2)
        split = root.split(3)
        validation = root.split(4)
    }

    /// The pretraining corpus's stream under `seed`: disjoint from every task's.
    public static func pretraining(seed: UInt64) -> RandomStream { RandomStream(seed: seed).split(0x9E7A1) }
}
