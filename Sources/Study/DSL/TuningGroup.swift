/// One method a tuning study searches (`Tune`): its name and the setting `Tuned` records for it.
public struct TuningGroup: Hashable, Sendable {
    /// The method as tables name it ("FedAvg").
    public let name: String
    /// The recorded choice the paper's studies use; nil before the first `make tune`.
    public let recorded: Row?
}
