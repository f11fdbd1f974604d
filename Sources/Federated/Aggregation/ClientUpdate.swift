import Tensors
import World

/// What one client sends the server after local training: its parameters and how much data produced them.
public struct ClientUpdate {
    /// The client's index in the scenario (0-based); aggregation sums clients in increasing index.
    public var client: Int
    /// The instruction task the client's data belongs to.
    public var task: TaskKind
    /// Number of local training samples; the client's weight in every data-size-weighted average.
    public var dataSize: Int
    /// The trainable parameters after local training.
    public var parameters: NamedTensors

    /// An update from `client` of `task` trained on `dataSize` samples.
    public init(client: Int, task: TaskKind, dataSize: Int, parameters: NamedTensors) {
        self.client = client
        self.task = task
        self.dataSize = dataSize
        self.parameters = parameters
    }
}
